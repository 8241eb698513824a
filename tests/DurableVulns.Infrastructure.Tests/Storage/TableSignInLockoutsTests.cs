using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>Every test has a task hub of its own, so the raw table holds only its rows.</summary>
public sealed class TableSignInLockoutsTests : IAsyncLifetime
{
    private const string Account = "liwei@lab.example.cn";
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly DateTime Now = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private readonly StorageFixture storage = new();
    private readonly TableSignInLockouts lockouts;

    public TableSignInLockoutsTests() => lockouts = new TableSignInLockouts(storage.Tables);

    public Task InitializeAsync() => storage.InitializeAsync();

    public Task DisposeAsync() => storage.DisposeAsync();

    [Fact]
    public async Task RecordFailureAsync_FourFailures_DoesNotLock()
    {
        // Arrange
        var results = new List<DateTime?>();

        // Act
        for (var i = 0; i < MaxFailures - 1; i++) results.Add(await FailAsync(Account, Now.AddSeconds(i)));

        // Assert
        Assert.All(results, Assert.Null);
        Assert.Null(await lockouts.LockedUntilAsync(Account, Now.AddSeconds(MaxFailures)));
    }

    [Fact]
    public async Task RecordFailureAsync_FifthFailure_LocksUntilNowPlusLockout()
    {
        // Arrange
        await FailTimesAsync(Account, MaxFailures - 1, Now);
        var fifthAt = Now.AddMinutes(1);

        // Act
        var lockedUntil = await FailAsync(Account, fifthAt);

        // Assert
        Assert.Equal(fifthAt + Lockout, lockedUntil);
        var stored = await lockouts.LockedUntilAsync(Account, fifthAt);
        Assert.Equal(fifthAt + Lockout, stored);
        Assert.Equal(DateTimeKind.Utc, stored!.Value.Kind);
        Assert.Null(await lockouts.LockedUntilAsync(Account, fifthAt + Lockout));
    }

    [Fact]
    public async Task RecordFailureAsync_WhileLocked_KeepsTheExistingLock()
    {
        // Arrange
        await FailTimesAsync(Account, MaxFailures - 1, Now);
        var lockedUntil = await FailAsync(Account, Now);

        // Act
        var during = new List<DateTime?>();
        for (var i = 1; i <= MaxFailures + 1; i++) during.Add(await FailAsync(Account, Now.AddMinutes(i)));

        // Assert
        Assert.All(during, until => Assert.Equal(lockedUntil, until));
        Assert.Equal(lockedUntil, await lockouts.LockedUntilAsync(Account, Now.AddMinutes(10)));
    }

    [Fact]
    public async Task RecordFailureAsync_AfterLockPassed_CountsFromZero()
    {
        // Arrange: failures during the lock do not count towards the next one either.
        await FailTimesAsync(Account, MaxFailures, Now);
        await FailTimesAsync(Account, 3, Now.AddMinutes(1));
        var after = Now + Lockout + TimeSpan.FromSeconds(1);

        // Act
        var fourth = await FailTimesAsync(Account, MaxFailures - 1, after);
        var fifth = await FailAsync(Account, after);

        // Assert
        Assert.Null(fourth);
        Assert.Equal(after + Lockout, fifth);
    }

    [Fact]
    public async Task ResetAsync_AfterFourFailures_CountStartsAgain()
    {
        // Arrange
        await FailTimesAsync(Account, MaxFailures - 1, Now);

        // Act
        await lockouts.ResetAsync(Account);

        // Assert
        Assert.Null(await FailTimesAsync(Account, MaxFailures - 1, Now));
        Assert.Null(await lockouts.LockedUntilAsync(Account, Now));
        Assert.Equal(Now + Lockout, await FailAsync(Account, Now));
    }

    [Fact]
    public async Task ResetAsync_AccountWithoutFailures_WritesNothing()
    {
        // Arrange
        await storage.Tables.GetAsync("SignInLockouts");

        // Act
        await lockouts.ResetAsync(Account);

        // Assert
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task RecordFailureAsync_TwoAccounts_AreIndependent()
    {
        // Arrange
        const string other = "zhangsan@lab.example.cn";
        await FailTimesAsync(Account, MaxFailures - 1, Now);
        await FailTimesAsync(other, MaxFailures - 1, Now);

        // Act
        var lockedUntil = await FailAsync(Account, Now);

        // Assert
        Assert.Equal(Now + Lockout, lockedUntil);
        Assert.Null(await lockouts.LockedUntilAsync(other, Now));
        await lockouts.ResetAsync(Account);
        Assert.Equal(Now + Lockout, await FailAsync(other, Now));
    }

    [Fact]
    public async Task RecordFailureAsync_AccountInOtherLetterCase_CountsAsTheSameAccount()
    {
        // Arrange
        await FailTimesAsync(Account, MaxFailures - 1, Now);

        // Act
        var lockedUntil = await FailAsync(Account.ToUpperInvariant(), Now);

        // Assert
        Assert.Equal(Now + Lockout, lockedUntil);
        Assert.Equal(Now + Lockout, await lockouts.LockedUntilAsync("LiWei@Lab.Example.CN", Now));
    }

    [Fact]
    public async Task RecordFailureAsync_AnyAccount_KeysHoldNoEmailAddress()
    {
        // Arrange
        const string other = "zhangsan@lab.example.cn";

        // Act
        await FailTimesAsync(Account, MaxFailures, Now);
        await FailAsync(other, Now);

        // Assert
        var rows = await RowsAsync();
        Assert.Equal([Sha256(Account.ToUpperInvariant()), Sha256(other.ToUpperInvariant())], rows.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            Assert.Equal("lock", row.RowKey);
            Assert.All(row.Keys.Select(k => row[k]), value => Assert.DoesNotContain("@", value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task RecordFailureAsync_ConcurrentFailuresFromTwoHosts_CountsEveryOne()
    {
        // Arrange: each host has its own table set; all failures start together, so most writes
        // meet a changed ETag and must count again on top of the other's.
        const int failures = 8;
        var hosts = new[] { new TableSignInLockouts(new TableSet(storage.Options)), new TableSignInLockouts(new TableSet(storage.Options)) };
        using var start = new Barrier(failures);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, failures).Select(i => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return hosts[i % hosts.Length].RecordFailureAsync(Account, Now, failures, Lockout);
        })));

        // Assert: only the last failure to land reaches the limit.
        Assert.Equal(Now + Lockout, Assert.Single(results, r => r is not null));
        Assert.Equal(Now + Lockout, await lockouts.LockedUntilAsync(Account, Now));
    }

    private Task<DateTime?> FailAsync(string account, DateTime nowUtc) =>
        lockouts.RecordFailureAsync(account, nowUtc, MaxFailures, Lockout);

    /// <summary>Records <paramref name="count"/> failures; returns the last one's result.</summary>
    private async Task<DateTime?> FailTimesAsync(string account, int count, DateTime nowUtc)
    {
        DateTime? last = null;
        for (var i = 0; i < count; i++) last = await FailAsync(account, nowUtc);
        return last;
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table("SignInLockouts").QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
