using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>Every test has a task hub of its own, so the raw table holds only its rows.</summary>
public sealed class TableTrackingLinksTests : IAsyncLifetime
{
    private readonly StorageFixture storage = new();
    private readonly TableTrackingLinks links;

    public TableTrackingLinksTests() => links = new TableTrackingLinks(storage.Tables);

    /// <summary>Inputs a visitor may type into the tracking URL; built in code because some are not valid UTF-16.</summary>
    public static TheoryData<string> MalformedTokens => new()
    {
        string.Empty,
        new string('A', 10_000),
        "\0\u0001\t\r\n\u001f\u007f",
        "\uD800",
        "\uDC00abc\uD83D",
        "a/b\\c#d?e",
        "' or PartitionKey ne '",
    };

    public Task InitializeAsync() => storage.InitializeAsync();

    public Task DisposeAsync() => storage.DisposeAsync();

    [Fact]
    public async Task FindCaseAsync_AddedToken_ReturnsItsCase()
    {
        // Arrange
        var token = NewToken();
        await links.AddAsync(token, "DV-2025-0001");

        // Act
        var caseId = await links.FindCaseAsync(token);

        // Assert
        Assert.Equal("DV-2025-0001", caseId);
    }

    [Fact]
    public async Task FindCaseAsync_SeveralTokensOfOneCase_EachReturnsTheCase()
    {
        // Arrange
        var first = NewToken();
        var second = NewToken();
        await links.AddAsync(first, "DV-2025-0001");
        await links.AddAsync(second, "DV-2025-0001");
        await links.AddAsync(NewToken(), "DV-2025-0002");

        // Act
        var firstCase = await links.FindCaseAsync(first);
        var secondCase = await links.FindCaseAsync(second);

        // Assert
        Assert.Equal("DV-2025-0001", firstCase);
        Assert.Equal("DV-2025-0001", secondCase);
    }

    [Fact]
    public async Task FindCaseAsync_UnknownToken_ReturnsNull()
    {
        // Arrange
        await links.AddAsync(NewToken(), "DV-2025-0001");

        // Act
        var caseId = await links.FindCaseAsync(NewToken());

        // Assert
        Assert.Null(caseId);
    }

    [Fact]
    public async Task FindCaseAsync_TokenInOtherLetterCase_ReturnsNull()
    {
        // Arrange
        var token = "AbCdEf" + NewToken();
        await links.AddAsync(token, "DV-2025-0001");

        // Act
        var caseId = await links.FindCaseAsync(token.ToUpperInvariant());

        // Assert
        Assert.Null(caseId);
    }

    [Theory]
    [MemberData(nameof(MalformedTokens), DisableDiscoveryEnumeration = true)]
    public async Task FindCaseAsync_MalformedToken_ReturnsNull(string token)
    {
        // Arrange
        await links.AddAsync(NewToken(), "DV-2025-0001");

        // Act
        var caseId = await links.FindCaseAsync(token);

        // Assert
        Assert.Null(caseId);
    }

    [Fact]
    public async Task FindCaseAsync_NullToken_ReturnsNull()
    {
        // Arrange
        await links.AddAsync(NewToken(), "DV-2025-0001");

        // Act
        var caseId = await links.FindCaseAsync(null!);

        // Assert
        Assert.Null(caseId);
    }

    [Fact]
    public async Task AddAsync_Token_StoresOnlyItsSha256()
    {
        // Arrange
        var token = NewToken();

        // Act
        await links.AddAsync(token, "DV-2025-0001");

        // Assert
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table("TrackingLinks").QueryAsync<TableEntity>()) rows.Add(row);
        var stored = Assert.Single(rows);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.PartitionKey);
        Assert.Equal("link", stored.RowKey);
        Assert.Equal("DV-2025-0001", stored.GetString("CaseId"));
        Assert.All(stored.Keys.Select(k => stored[k]), value => Assert.DoesNotContain(token, value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    // As the web front end makes them: 256 random bits, base64url.
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
