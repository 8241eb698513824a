using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Rules;

/// <summary>The MIIT clock on a host whose local zone is Asia/Shanghai (a self-hosted PSIRT server in China).</summary>
[Collection(ShanghaiLocalTimeCollection.Name)]
public sealed class MiitClockLocalTimeTests
{
    private static readonly DateTime Intake = new(2026, 11, 26, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Deadline_LocalKindOnShanghaiHost_ConvertsToUtcInstant()
    {
        // Arrange
        var local = Intake.ToLocalTime();
        Assert.Equal(new DateTime(2026, 11, 27, 4, 0, 0, DateTimeKind.Local), local);

        // Act
        var deadline = MiitClock.Deadline(local, Samples.MiitPolicy());

        // Assert
        Assert.Equal(new DateTime(2026, 11, 28, 20, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void Steps_LocalKindOnShanghaiHost_AllDueTimesInUtc()
    {
        // Arrange
        var local = Intake.ToLocalTime();

        // Act
        var steps = MiitClock.Steps(local, Samples.MiitPolicy());

        // Assert
        Assert.Equal(Intake.AddHours(24), steps[0].DueAtUtc);
        Assert.Equal(Intake.AddHours(48), steps[^1].DueAtUtc);
        Assert.All(steps, s => Assert.Equal(DateTimeKind.Utc, s.DueAtUtc.Kind));
    }

    [Fact]
    public void Deadline_UnspecifiedKindOnShanghaiHost_ReadAsUtc()
    {
        // Arrange
        var unspecified = DateTime.SpecifyKind(Intake, DateTimeKind.Unspecified);

        // Act
        var deadline = MiitClock.Deadline(unspecified, Samples.MiitPolicy());

        // Assert
        Assert.Equal(new DateTime(2026, 11, 28, 20, 0, 0, DateTimeKind.Utc), deadline);
    }
}
