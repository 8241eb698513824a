namespace DurableVulns.Host.Tests.Web;

/// <summary>The tests of the pages' transport security in Production share one <see cref="ProductionConsoleHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionConsoleHost>
{
    public const string Name = "Web pages in Production";
}
