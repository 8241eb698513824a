namespace DurableVulns.Testing;

/// <summary>Names that keep concurrent test runs apart on one Azurite.</summary>
public static class TestNames
{
    /// <summary>A fresh task hub name: letters and digits, starting with a letter.</summary>
    public static string TaskHub(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];
}
