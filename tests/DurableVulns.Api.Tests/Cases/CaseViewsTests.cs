using System.Text.Json;
using DurableVulns.Api.Cases;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Api.Tests.Cases;

public sealed class CaseViewsTests
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    // 20:00 UTC on 4 March is 04:00 on 5 March in Beijing.
    private static readonly DateTime ReceivedAtUtc = new(2025, 3, 4, 20, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Status_UtcTimes_ShowsThemInShanghaiTimeAtPlus8()
    {
        // Arrange
        var record = Record() with { MiitSubmittedAtUtc = ReceivedAtUtc.AddHours(30), MiitReceiptId = "CNVD-0001" };
        var audit = new[] { new AuditEntry("received", ReceivedAtUtc, "Received", "Art. 6", "已受理", "system") };

        // Act
        var status = CaseViews.Status(record, audit);

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 4, 0, 0, ChinaOffset), status.ReceivedAt);
        Assert.Equal(ChinaOffset, status.ReceivedAt.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 4, 0, 0, ChinaOffset), status.MiitDeadline);
        Assert.Equal(ChinaOffset, status.MiitDeadline.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 10, 0, 0, ChinaOffset), status.MiitSubmittedAt);
        Assert.Equal(ChinaOffset, status.MiitSubmittedAt!.Value.Offset);
        Assert.Equal(ChinaOffset, Assert.Single(status.Timeline).At.Offset);
    }

    [Fact]
    public void Status_Serialized_WritesTimesWithPlus0800()
    {
        // Arrange
        var record = Record();

        // Act
        var json = JsonSerializer.Serialize(CaseViews.Status(record, []), JsonSerializerOptions.Web);

        // Assert
        using var document = JsonDocument.Parse(json);
        Assert.Equal("2025-03-05T04:00:00+08:00", document.RootElement.GetProperty("receivedAt").GetString());
        Assert.Equal("2025-03-07T04:00:00+08:00", document.RootElement.GetProperty("miitDeadline").GetString());
    }

    [Fact]
    public void Status_UnspecifiedKindTimes_TreatsThemAsUtc()
    {
        // Arrange
        var record = Record() with { ReceivedAtUtc = DateTime.SpecifyKind(ReceivedAtUtc, DateTimeKind.Unspecified) };

        // Act
        var status = CaseViews.Status(record, []);

        // Assert
        Assert.Equal(new DateTimeOffset(ReceivedAtUtc), status.ReceivedAt);
        Assert.Equal(ChinaOffset, status.ReceivedAt.Offset);
    }

    [Fact]
    public void Status_RecordFields_AreCopiedToTheView()
    {
        // Arrange
        var record = Record() with { Stage = CaseStage.Assessed, MiitBreached = true };

        // Act
        var status = CaseViews.Status(record, []);

        // Assert
        Assert.Equal("DV-2025-0001", status.Id);
        Assert.Equal("Assessed", status.Stage);
        Assert.False(status.MiitSubmitted);
        Assert.Null(status.MiitSubmittedAt);
        Assert.Null(status.MiitReceiptId);
        Assert.True(status.MiitBreached);
        Assert.Equal("rmsv-2021", status.PolicyVersion);
        Assert.Empty(status.Timeline);
    }

    [Fact]
    public void Status_Audit_BecomesTheTimelineInItsOrder()
    {
        // Arrange
        var record = Record();
        var audit = new[]
        {
            new AuditEntry("received", ReceivedAtUtc, "Received", "Art. 6", "已受理漏洞报告", "system"),
            new AuditEntry("upstream", ReceivedAtUtc.AddMinutes(1), "UpstreamNotified", "Art. 7(1)", "已通知上游厂商", "system"),
            new AuditEntry("a1b2", ReceivedAtUtc.AddHours(5), "Assessed", "Art. 7(1)", "评估：高危", "psirt-api"),
        };

        // Act
        var status = CaseViews.Status(record, audit);

        // Assert
        Assert.Equal(
            [
                new TimelineItem(new DateTimeOffset(2025, 3, 5, 4, 0, 0, ChinaOffset), "Received", "Art. 6", "已受理漏洞报告"),
                new TimelineItem(new DateTimeOffset(2025, 3, 5, 4, 1, 0, ChinaOffset), "UpstreamNotified", "Art. 7(1)", "已通知上游厂商"),
                new TimelineItem(new DateTimeOffset(2025, 3, 5, 9, 0, 0, ChinaOffset), "Assessed", "Art. 7(1)", "评估：高危"),
            ],
            status.Timeline);
    }

    [Fact]
    public void Status_OtherPolicyZone_ShowsTimesInThatZone()
    {
        // Arrange: London keeps BST (+01:00) in July and GMT in March, when the deadline falls.
        var record = Record() with { TimeZone = "Europe/London", ReceivedAtUtc = new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Utc) };

        // Act
        var status = CaseViews.Status(record, []);

        // Assert
        Assert.Equal(TimeSpan.FromHours(1), status.ReceivedAt.Offset);
        Assert.Equal(TimeSpan.Zero, status.MiitDeadline.Offset);
    }

    [Fact]
    public void Package_BeforeAssessment_IsIncompleteAndListsMissingFields()
    {
        // Arrange
        var record = Record();

        // Act
        var view = CaseViews.Package(record);

        // Assert
        Assert.Equal("DV-2025-0001", view.Id);
        Assert.False(view.Complete);
        Assert.Equal(["technicalCharacteristics", "harm", "scope"], view.MissingFields);
        Assert.Equal("智能网关", view.Package.ProductName);
        Assert.Equal("GW-100", view.Package.Model);
        Assert.Equal("1.2.3", view.Package.Version);
        Assert.Null(view.Package.Severity);
        Assert.Null(view.Package.AffectedVersions);
    }

    [Fact]
    public void Package_AfterAssessment_IsCompleteWithAssessmentFields()
    {
        // Arrange
        var record = Record() with { Assessment = new Assessment("High", ["1.2.3"], "命令注入", "远程执行任意命令", "所有 GW-100 设备") };

        // Act
        var view = CaseViews.Package(record);

        // Assert
        Assert.True(view.Complete);
        Assert.Empty(view.MissingFields);
        Assert.Equal("High", view.Package.Severity);
        Assert.Equal(["1.2.3"], view.Package.AffectedVersions!);
        Assert.Equal("命令注入", view.Package.TechnicalCharacteristics);
        Assert.Equal("远程执行任意命令", view.Package.Harm);
        Assert.Equal("所有 GW-100 设备", view.Package.Scope);
    }

    [Fact]
    public void Package_AssessmentWithBlankHarm_ListsOnlyHarm()
    {
        // Arrange
        var record = Record() with { Assessment = new Assessment("High", ["1.2.3"], "命令注入", "  ", "所有 GW-100 设备") };

        // Act
        var view = CaseViews.Package(record);

        // Assert
        Assert.False(view.Complete);
        Assert.Equal(["harm"], view.MissingFields);
    }

    private static CaseRecord Record() => new(
        "DV-2025-0001",
        ReceivedAtUtc,
        new ReportSubmission(
            new Reporter("李伟", "liwei@lab.example.cn", null, "CN"),
            new Product("某某网络设备有限公司", "智能网关", "GW-100", "1.2.3"),
            "智能网关远程命令执行",
            "管理接口存在命令注入漏洞。",
            null),
        "rmsv-2021",
        "Asia/Shanghai",
        CaseStage.Received,
        ReceivedAtUtc.AddHours(48));
}
