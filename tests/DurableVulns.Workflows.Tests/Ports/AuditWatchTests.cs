using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Tests.Ports;

public sealed class AuditWatchTests
{
    [Fact]
    public async Task Written_WatchedEntryStoredByThisWrite_CompletesTheWatchWithTheEntry()
    {
        var watch = new AuditWatch();
        var waiting = watch.Watch("case-1", "action-1");
        var entry = new AuditEntry("action-1", DateTime.UtcNow, "Assessed", "Art. 7(1)", "applied", "analyst@acme.example");

        watch.Written("case-1", "action-1", entry);

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Same(entry, await waiting);
    }

    [Fact]
    public async Task Written_WatchedEntryStoredEarlier_CompletesTheWatchWithoutAnEntry()
    {
        var watch = new AuditWatch();
        var waiting = watch.Watch("case-1", "action-1");

        watch.Written("case-1", "action-1");

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Null(await waiting);
    }

    [Fact]
    public void Written_OtherEntryOrCase_LeavesTheWatchWaiting()
    {
        var watch = new AuditWatch();
        var waiting = watch.Watch("case-1", "action-1");

        watch.Written("case-1", "action-2");
        watch.Written("case-2", "action-1");

        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public void Watch_AfterForget_IsANewWaitNotTheOldOne()
    {
        var watch = new AuditWatch();
        var first = watch.Watch("case-1", "action-1");
        watch.Forget("case-1", "action-1");

        var second = watch.Watch("case-1", "action-1");
        watch.Written("case-1", "action-1");

        Assert.False(first.IsCompleted);
        Assert.True(second.IsCompletedSuccessfully);
    }
}
