namespace DurableVulns.Domain.Disclosure;

/// <summary>Why the publication gate refuses, with the article that forbids it (empty when none does).</summary>
public sealed record GateRefusal(string Article, string Reason)
{
    public string Detail => Article.Length == 0 ? Reason : $"{Article}: {Reason}";
}
