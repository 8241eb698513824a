using DurableVulns.Testing;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// The page tests in Development share one host with console users (<see cref="ConsoleHost"/>, its own
/// task hub) and run one after another, so that case counts and sign-in failures are exact.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>
{
    public const string Name = "Web pages on Azurite";
}
