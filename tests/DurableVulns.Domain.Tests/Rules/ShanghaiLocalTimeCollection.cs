namespace DurableVulns.Domain.Tests.Rules;

/// <summary>Tests that change the process's local time zone; they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ShanghaiLocalTimeCollection : ICollectionFixture<ShanghaiLocalTimeFixture>
{
    public const string Name = "Shanghai local time";
}
