using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Reports;

public sealed class CaseRecordTests
{
    private static readonly DateTime Received = new(2026, 3, 11, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void WithMailHeldUp_SameKeyTwice_KeepsTheFirstMark()
    {
        // Arrange
        var first = Held("case-1/acknowledgement", Received.AddMinutes(1));

        // Act
        var record = Case().WithMailHeldUp(first).WithMailHeldUp(first with { SinceUtc = Received.AddMinutes(9) });

        // Assert
        Assert.Equal([first], record.MailHeldUp!);
    }

    [Fact]
    public void MailHeldUpSinceUtc_TwoMessagesHeldUp_TheEarliest()
    {
        // Act
        var record = Case().WithMailHeldUp(Held("case-1/reminder-1", Received.AddHours(5))).WithMailHeldUp(Held("case-1/acknowledgement", Received.AddMinutes(1)));

        // Assert
        Assert.Equal(Received.AddMinutes(1), record.MailHeldUpSinceUtc);
    }

    [Fact]
    public void WithoutMailHeldUp_OneOfTwo_KeepsTheOther()
    {
        // Arrange
        var reminder = Held("case-1/reminder-1", Received.AddHours(5));
        var record = Case().WithMailHeldUp(Held("case-1/acknowledgement", Received.AddMinutes(1))).WithMailHeldUp(reminder);

        // Act
        var released = record.WithoutMailHeldUp("case-1/acknowledgement");

        // Assert
        Assert.Equal([reminder], released.MailHeldUp!);
        Assert.DoesNotContain(released.MailHeldUp!, m => m.KeyHash == TextHash.Sha256Hex("case-1/acknowledgement"));
    }

    [Fact]
    public void WithoutMailHeldUp_TheLastOne_NoneHeldUp()
    {
        // Arrange
        var record = Case().WithMailHeldUp(Held("case-1/acknowledgement", Received.AddMinutes(1)));

        // Act
        var released = record.WithoutMailHeldUp("case-1/acknowledgement");

        // Assert
        Assert.Null(released.MailHeldUp);
        Assert.Null(released.MailHeldUpSinceUtc);
    }

    [Fact]
    public void WithMailHeldUp_AddressInTheKey_RecordKeepsOnlyItsHash()
    {
        // Act
        var record = Case().WithMailHeldUp(HeldUpMail.Of("case-1/advisory/user@customer.example.cn", "case-1/advisory/…", Articles.PatchAndNotifyUsers, Received));

        // Assert
        Assert.DoesNotContain("customer.example.cn", System.Text.Json.JsonSerializer.Serialize(record), StringComparison.Ordinal);
        var held = Assert.Single(record.MailHeldUp!);
        Assert.Equal(TextHash.Sha256Hex("case-1/advisory/user@customer.example.cn"), held.KeyHash);
        Assert.NotEqual(TextHash.Sha256Hex("case-1/advisory/other@customer.example.cn"), held.KeyHash);
    }

    [Fact]
    public void WithoutMailHeldUp_KeyNotHeldUp_SameRecord()
    {
        // Arrange
        var record = Case();

        // Act
        var released = record.WithoutMailHeldUp("case-1/acknowledgement");

        // Assert
        Assert.Same(record, released);
    }

    private static HeldUpMail Held(string key, DateTime sinceUtc) => HeldUpMail.Of(key, key, Articles.Reporting, sinceUtc);

    private static CaseRecord Case() =>
        new("case-1", Received, Samples.Report(), "rmsv-2021.1", ChinaTime.DefaultZone, CaseStage.Received, Received.AddDays(2));
}
