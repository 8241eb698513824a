namespace DurableVulns.Workflows.Contracts;

/// <summary>A publication to carry out; <see cref="AuditKey"/> keys its <c>Published</c> audit entry.</summary>
public sealed record PublishInput(string CaseId, string AuditKey, PsirtAction<PublicationCommand> Action);
