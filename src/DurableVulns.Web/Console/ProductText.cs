using DurableVulns.Domain.Reports;

namespace DurableVulns.Web.Console;

/// <summary>How the console names a product: short on the dashboard, with model and version in the list.</summary>
public static class ProductText
{
    /// <summary>Vendor and product name.</summary>
    public static string Name(Product product) => Join(product.Vendor, product.Name);

    /// <summary>Vendor, name, model and version.</summary>
    public static string Full(Product product) => Join(product.Vendor, product.Name, product.Model, product.Version);

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(part => !string.IsNullOrWhiteSpace(part)));
}
