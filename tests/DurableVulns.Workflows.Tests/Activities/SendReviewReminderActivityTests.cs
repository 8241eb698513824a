using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

public sealed class SendReviewReminderActivityTests
{
    private static readonly ReviewInput Review = new("case-1", "r1", ReviewKind.EarlyDisclosure, [ReviewerRole.MIIT, ReviewerRole.MPS],
        ActivitySamples.Received, ReviewPolicy.Default);

    private static readonly ClockStep FirstReminder = new(ClockStepKind.Reminder, 0, ActivitySamples.Received.AddDays(2));

    [Fact]
    public async Task Run_RetriedAfterAHeldUpReviewerWasTakenOut_WithdrawsTheirReminderAndRemindsTheConfiguredOnes()
    {
        // Arrange: MPS has not decided; the reminder to the MPS reviewer who has since been replaced was held up.
        var parts = new ReviewActivityParts("case-1/review/r1/MPS/old@mps.example.cn/Reminder-0", SentMailState.Delayed)
        {
            Reviewers = new ReviewerOptions { MIIT = ["reviewer@miit.example.cn"], MPS = ["new@mps.example.cn"] },
        };
        var activity = Activity(parts);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), new ReviewStepInput(Review, FirstReminder, [ReviewerRole.MPS]));

        // Assert: the reminder goes to the MPS reviewer configured now only; the MIIT reviewer, who decided, gets none.
        Assert.Null(parts.Record.MailHeldUp);
        parts.VerifySentTo("old@mps.example.cn", Times.Never());
        parts.VerifySentTo("new@mps.example.cn", Times.Once());
        parts.VerifySentTo("reviewer@miit.example.cn", Times.Never());
        parts.VerifyWithdrawals(Times.Once());
    }

    [Fact]
    public async Task Run_HeldUpReminderOfTheOtherRole_KeepsItsMark()
    {
        // Arrange: the MIIT reminder of this step is held up; this run is MPS's only (MIIT's own retry sends it).
        var parts = new ReviewActivityParts("case-1/review/r1/MIIT/reviewer@miit.example.cn/Reminder-0", SentMailState.Delayed);
        var activity = Activity(parts);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), new ReviewStepInput(Review, FirstReminder, [ReviewerRole.MPS]));

        // Assert
        Assert.NotNull(parts.Record.MailHeldUp);
        parts.VerifyWithdrawals(Times.Never());
    }

    [Fact]
    public async Task Run_ReviewerRemovedByAReload_RemindsOnlyThoseConfiguredNow()
    {
        // Arrange: a reviewer left, and the settings were reloaded without them; nothing of theirs is held up.
        var parts = new ReviewActivityParts("case-1/acknowledgement", SentMailState.Delayed);
        var activity = Activity(parts);
        parts.Reviewers = new ReviewerOptions { MIIT = ["reviewer@miit.example.cn"], MPS = ["successor@mps.example.cn"] };

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), new ReviewStepInput(Review, FirstReminder, [ReviewerRole.MPS]));

        // Assert: the embargoed case's details go to the successor only.
        parts.VerifySentTo("reviewer@mps.example.cn", Times.Never());
        parts.VerifySentTo("successor@mps.example.cn", Times.Once());
    }

    private static SendReviewReminderActivity Activity(ReviewActivityParts parts) =>
        new(parts.Journal, parts.Dispatcher, parts.Links.Object, parts.ReviewerSettings, Options.Create(new PsirtOptions()));
}
