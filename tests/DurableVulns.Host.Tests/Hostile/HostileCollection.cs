namespace DurableVulns.Host.Tests.Hostile;

/// <summary>
/// The hostile-input tests get a host of their own on Azurite (<see cref="HostileHost"/>, its own task
/// hub), so that their storage counts are exact and they do not wait behind the other HTTP tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileHost>
{
    public const string Name = "Hostile input";
}
