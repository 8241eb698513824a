using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Domain.Rules;

/// <summary>The RMSV 2021 articles the product cites in audit entries and problem details.</summary>
public static class Articles
{
    public const string IntakeLog = "Art. 5";
    public const string Reporting = "Art. 6";
    public const string VerifyAndNotifyUpstream = "Art. 7(1)";
    public const string SubmitToMiit = "Art. 7(2)";
    public const string PatchAndNotifyUsers = "Art. 7(3)";
    public const string Embargo = "Art. 9(1)";
    public const string OperatorSystems = "Art. 9(2)";
    public const string ExploitTools = "Art. 9(4)";
    public const string FixWithPublication = "Art. 9(5)";
    public const string NationalEvents = "Art. 9(6)";
    public const string Overseas = "Art. 9(7)";
    public const string Confidentiality = "Art. 4, 11";

    /// <summary>The article a review of this kind serves.</summary>
    public static string ForReview(ReviewKind kind) => kind == ReviewKind.EarlyDisclosure ? Embargo : NationalEvents;
}
