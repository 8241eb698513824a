using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Web.Localization;

namespace DurableVulns.Web.Console;

/// <summary>Stage and severity names in the page's language.</summary>
public static class CaseText
{
    public static string Of(CaseStage stage) => stage switch
    {
        CaseStage.Received => Lang.T("Received", "已接收"),
        CaseStage.Assessed => Lang.T("Assessed", "已评估"),
        CaseStage.PatchReleased => Lang.T("Patch released", "已发布补丁"),
        _ => Lang.T("Closed", "已结案"),
    };

    public static string Of(SeverityRating rating) => rating switch
    {
        SeverityRating.Critical => Lang.T("Critical", "严重"),
        SeverityRating.High => Lang.T("High", "高"),
        SeverityRating.Medium => Lang.T("Medium", "中"),
        SeverityRating.Low => Lang.T("Low", "低"),
        SeverityRating.None => Lang.T("None", "无"),
        _ => Lang.T("Not rated", "未评级"),
    };
}
