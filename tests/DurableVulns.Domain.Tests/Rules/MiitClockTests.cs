using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Rules;

public sealed class MiitClockTests
{
    private static readonly DateTime Intake = new(2026, 11, 26, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Deadline_Intake_Is48HoursLaterInUtc()
    {
        // Arrange
        var policy = Samples.MiitPolicy();

        // Act
        var deadline = MiitClock.Deadline(Intake, policy);

        // Assert
        Assert.Equal(new DateTime(2026, 11, 28, 20, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void Deadline_ShownInShanghai_IsNextDayAtFourInTheMorningPlusEight()
    {
        // Arrange
        var deadline = MiitClock.Deadline(Intake, Samples.MiitPolicy());

        // Act
        var local = ChinaTime.ToZone(new DateTimeOffset(deadline));

        // Assert
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
        Assert.Equal(new DateTime(2026, 11, 29, 4, 0, 0), local.DateTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.FromHours(8)), local);
        Assert.Equal(deadline, local.UtcDateTime);
    }

    [Fact]
    public void Deadline_ShippedPolicy_Is48HoursAfterIntake()
    {
        // Arrange
        var policy = PolicyLoader.LoadFile(Samples.ShippedPolicyPath);

        // Act
        var deadline = MiitClock.Deadline(Intake, policy.MiitSubmission);

        // Assert
        Assert.Equal(TimeSpan.FromHours(48), deadline - Intake);
    }

    [Fact]
    public void Steps_ShippedLadder_RemindersThenEscalationThenDeadlineLast()
    {
        // Arrange
        var policy = Samples.MiitPolicy();

        // Act
        var steps = MiitClock.Steps(Intake, policy);

        // Assert
        Assert.Equal(["Reminder-0", "Reminder-1", "Escalation-0", "Deadline-0"], steps.Select(s => s.Key));
        Assert.Equal(
            [ClockStepKind.Reminder, ClockStepKind.Reminder, ClockStepKind.Escalation, ClockStepKind.Deadline],
            steps.Select(s => s.Kind));
        Assert.Equal([0, 1, 0, 0], steps.Select(s => s.Ordinal));
        Assert.Equal(
            [Intake.AddHours(24), Intake.AddHours(36), Intake.AddHours(44), Intake.AddHours(48)],
            steps.Select(s => s.DueAtUtc));
        Assert.All(steps, s => Assert.Equal(DateTimeKind.Utc, s.DueAtUtc.Kind));
    }

    [Fact]
    public void Steps_EscalationBeforeReminder_OrderedByDueTime()
    {
        // Arrange
        var policy = new MiitSubmissionPolicy(TimeSpan.FromHours(48), [TimeSpan.FromHours(40)], [TimeSpan.FromHours(30)]);

        // Act
        var steps = MiitClock.Steps(Intake, policy);

        // Assert
        Assert.Equal(["Escalation-0", "Reminder-0", "Deadline-0"], steps.Select(s => s.Key));
    }

    [Fact]
    public void Steps_ReminderAndEscalationAtSameTime_ReminderFirst()
    {
        // Arrange
        var policy = new MiitSubmissionPolicy(TimeSpan.FromHours(48), [TimeSpan.FromHours(36)], [TimeSpan.FromHours(36)]);

        // Act
        var steps = MiitClock.Steps(Intake, policy);

        // Assert
        Assert.Equal(["Reminder-0", "Escalation-0", "Deadline-0"], steps.Select(s => s.Key));
    }

    [Fact]
    public void Steps_NoRemindersOrEscalations_OnlyDeadline()
    {
        // Arrange
        var policy = new MiitSubmissionPolicy(TimeSpan.FromHours(48), [], []);

        // Act
        var steps = MiitClock.Steps(Intake, policy);

        // Assert
        var step = Assert.Single(steps);
        Assert.Equal("Deadline-0", step.Key);
        Assert.Equal(MiitClock.Deadline(Intake, policy), step.DueAtUtc);
    }

    [Fact]
    public void Deadline_LocalKindIntake_ConvertsToUtcInstant()
    {
        // Arrange
        var local = Intake.ToLocalTime();

        // Act
        var deadline = MiitClock.Deadline(local, Samples.MiitPolicy());

        // Assert
        Assert.Equal(Intake.AddHours(48), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }
}
