using DurableVulns.Testing;

namespace DurableVulns.Host.Tests;

/// <summary>The HTTP tests share one host on Azurite and run one after another, so storage counts are exact.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<DurableVulnsHost>
{
    public const string Name = "Host on Azurite";
}
