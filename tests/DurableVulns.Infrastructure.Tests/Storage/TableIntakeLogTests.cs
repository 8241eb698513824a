using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Infrastructure.Tests.Storage;

// Purging deletes across the whole table, so each test gets a task hub of its own.
public sealed class TableIntakeLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 9, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);

    private readonly StorageFixture storage = new();

    private TableIntakeLog Log => new(storage.Tables, time);

    public Task InitializeAsync() => storage.InitializeAsync();

    public Task DisposeAsync() => storage.DisposeAsync();

    [Fact]
    public async Task RecordAsync_AllFields_ReadDayAsyncReturnsThem()
    {
        // Arrange
        var attempt = new IntakeAttempt(
            new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), "accepted", 202, "DV-2024-0001", null,
            "application/json; charset=utf-8", 12_345, "2001:db8::1");

        // Act
        await Log.RecordAsync(attempt);

        // Assert
        var read = Assert.Single(await Log.ReadDayAsync(new DateOnly(2024, 1, 2)));
        Assert.Equal(attempt, read);
        Assert.Equal(DateTimeKind.Utc, read.AtUtc.Kind);
    }

    [Fact]
    public async Task RecordAsync_RejectedAttemptWithNulls_ReadDayAsyncReturnsNulls()
    {
        // Arrange
        var attempt = new IntakeAttempt(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), "rejected", 415, null, "content-type", null, null, null);

        // Act
        await Log.RecordAsync(attempt);

        // Assert
        Assert.Equal([attempt], await Log.ReadDayAsync(new DateOnly(2024, 1, 3)));
    }

    [Fact]
    public async Task ReadDayAsync_AttemptsRecordedOutOfOrder_ReturnsThemOldestFirst()
    {
        // Arrange
        var day = new DateOnly(2024, 2, 1);
        var noon = Attempt(new DateTime(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc));
        var morning = Attempt(new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc));
        var evening = Attempt(new DateTime(2024, 2, 1, 20, 0, 0, DateTimeKind.Utc));
        await Log.RecordAsync(noon);
        await Log.RecordAsync(evening);
        await Log.RecordAsync(morning);

        // Act
        var attempts = await Log.ReadDayAsync(day);

        // Assert
        Assert.Equal([morning, noon, evening], attempts);
    }

    [Fact]
    public async Task ReadDayAsync_AttemptsAroundUtcMidnight_FilesEachUnderItsUtcDay()
    {
        // Arrange: 23:30 UTC is already the next day in Beijing; the log keeps UTC days.
        var lastOfDay = Attempt(new DateTime(2024, 3, 1, 23, 30, 0, DateTimeKind.Utc));
        var firstOfNext = Attempt(new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        await Log.RecordAsync(lastOfDay);
        await Log.RecordAsync(firstOfNext);

        // Act
        var first = await Log.ReadDayAsync(new DateOnly(2024, 3, 1));
        var second = await Log.ReadDayAsync(new DateOnly(2024, 3, 2));

        // Assert
        Assert.Equal([lastOfDay], first);
        Assert.Equal([firstOfNext], second);
    }

    [Fact]
    public async Task ReadDayAsync_DayWithoutAttempts_ReturnsEmpty()
    {
        // Arrange
        await Log.RecordAsync(Attempt(new DateTime(2024, 4, 1, 10, 0, 0, DateTimeKind.Utc)));

        // Act
        var attempts = await Log.ReadDayAsync(new DateOnly(2024, 4, 2));

        // Assert
        Assert.Empty(attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(182)]
    public async Task PurgeAsync_RetentionUnder183Days_ThrowsAndDeletesNothing(int days)
    {
        // Arrange
        var old = Attempt(Now.UtcDateTime.AddDays(-400));
        await Log.RecordAsync(old);

        // Act
        var act = () => Log.PurgeAsync(TimeSpan.FromDays(days));

        // Assert
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(act);
        Assert.Equal("retention", error.ParamName);
        Assert.Contains(old, await Log.ReadDayAsync(DateOnly.FromDateTime(old.AtUtc)));
    }

    [Fact]
    public async Task PurgeAsync_RetentionJustUnder183Days_Throws()
    {
        // Arrange
        var retention = TimeSpan.FromDays(183) - TimeSpan.FromSeconds(1);

        // Act
        var act = () => Log.PurgeAsync(retention);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public async Task PurgeAsync_183Days_DeletesOnlyDaysOlderThanTheRetention()
    {
        // Arrange: now is 2025-09-10T12:00Z, so 183 days back is 2025-03-11T12:00Z.
        var olderDay = new DateOnly(2025, 3, 10);
        var boundaryDay = new DateOnly(2025, 3, 11);
        var newerDay = new DateOnly(2025, 3, 12);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var yearBefore = Attempt(new DateTime(2024, 9, 1, 1, 0, 0, DateTimeKind.Utc));
        var olderMorning = Attempt(new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc));
        var olderLast = Attempt(new DateTime(2025, 3, 10, 23, 59, 59, DateTimeKind.Utc));
        var boundaryBefore = Attempt(new DateTime(2025, 3, 11, 6, 0, 0, DateTimeKind.Utc));
        var boundaryAfter = Attempt(new DateTime(2025, 3, 11, 18, 0, 0, DateTimeKind.Utc));
        var newer = Attempt(new DateTime(2025, 3, 12, 0, 0, 0, DateTimeKind.Utc));
        var recent = Attempt(Now.UtcDateTime.AddHours(-1));
        foreach (var attempt in new[] { yearBefore, olderMorning, olderLast, boundaryBefore, boundaryAfter, newer, recent })
            await Log.RecordAsync(attempt);

        // Act
        var purged = await Log.PurgeAsync(TimeSpan.FromDays(183));

        // Assert: whole days past the retention go; the day the cutoff falls in stays whole.
        Assert.Equal(3, purged);
        Assert.Empty(await Log.ReadDayAsync(new DateOnly(2024, 9, 1)));
        Assert.Empty(await Log.ReadDayAsync(olderDay));
        Assert.Equal([boundaryBefore, boundaryAfter], await Log.ReadDayAsync(boundaryDay));
        Assert.Equal([newer], await Log.ReadDayAsync(newerDay));
        Assert.Equal([recent], await Log.ReadDayAsync(today));
    }

    [Fact]
    public async Task PurgeAsync_ClockMovesOn_PurgesTheDaysThatAgedOut()
    {
        // Arrange
        var log = Log;
        var attempt = Attempt(new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc));
        await log.RecordAsync(attempt);
        var day = DateOnly.FromDateTime(attempt.AtUtc);
        // 183 days before 2025-10-31T00:00Z is 2025-05-01T00:00Z: the day is not past the retention yet.
        time.SetUtcNow(new DateTimeOffset(2025, 10, 31, 0, 0, 0, TimeSpan.Zero));
        var keptFirst = await log.PurgeAsync(TimeSpan.FromDays(183));
        var stillThere = await log.ReadDayAsync(day);

        // Act
        time.Advance(TimeSpan.FromDays(1));
        var purged = await log.PurgeAsync(TimeSpan.FromDays(183));

        // Assert
        Assert.Equal(0, keptFirst);
        Assert.Equal([attempt], stillThere);
        Assert.Equal(1, purged);
        Assert.Empty(await log.ReadDayAsync(day));
    }

    private static IntakeAttempt Attempt(DateTime atUtc) =>
        new(atUtc, "accepted", 202, "DV-" + Guid.NewGuid().ToString("N")[..8], null, "application/json", 100, "203.0.113.7");
}
