namespace DurableVulns.Integration.Tests;

/// <summary>The checkout the tests were built from: the folder above the test binaries that holds DurableVulns.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "DurableVulns.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("DurableVulns.sln not found above the test binaries.");
    }
}
