using Azure;
using Azure.Data.Tables;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// Approval tokens in the table <c>Approvals</c>, one partition per review (the SHA-256 of its id), so that
/// a redeem can change several rows in one entity-group transaction. Rows:
/// <list type="bullet">
/// <item>a token, keyed by the SHA-256 of the token: the grant, its decision, <c>Used</c>; the token itself is never stored;</item>
/// <item><c>decision-{role}</c>: the claim of a role's decision, added by the redeem that won it;</item>
/// <item><c>closed</c>: the marker of a review that takes no more decisions.</item>
/// </list>
/// </summary>
public sealed partial class TableApprovalStore(
    TableSet tables,
    ApprovalTokenCodec codec,
    IOptions<ApprovalOptions> options,
    IOptionsMonitor<ReviewerOptions> reviewers,
    TimeProvider time,
    ILogger<TableApprovalStore> logger) : IApprovalLinkIssuer, IApprovalTickets
{
    private const string Table = "Approvals";
    private const string ClosedRow = "closed";
    private const string DecisionRowPrefix = "decision-";

    public async Task<ApprovalLinks> IssueAsync(ApprovalGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentException.ThrowIfNullOrWhiteSpace(grant.InstanceId, nameof(grant));
        ArgumentException.ThrowIfNullOrWhiteSpace(grant.EventName, nameof(grant));

        var approveClaims = codec.Create(grant, approve: true);
        var approve = codec.Encode(approveClaims);
        var reject = codec.Encode(codec.Create(grant, approve: false));
        var approveRow = StorageKeys.Hash(approve);
        var rejectRow = StorageKeys.Hash(reject);
        var partition = PartitionOf(grant.ReviewId);
        var expires = approveClaims.ExpiresAt.UtcDateTime;
        var now = time.GetUtcNow().UtcDateTime;

        var client = await tables.GetAsync(Table, cancellationToken);
        // Both or neither: a redeem marks the other decision's row used and needs it to exist.
        await client.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, TokenEntity(partition, approveRow, rejectRow, grant, true, expires, now)),
            new TableTransactionAction(TableTransactionActionType.Add, TokenEntity(partition, rejectRow, approveRow, grant, false, expires, now)),
        ], cancellationToken);

        LogIssued(grant.CaseId, grant.ReviewId, grant.Role, expires);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return new ApprovalLinks($"{baseUrl}/approvals/{approve}", $"{baseUrl}/approvals/{reject}");
    }

    public async Task CloseReviewAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reviewId);
        var client = await tables.GetAsync(Table, cancellationToken);
        try
        {
            await client.AddEntityAsync(new TableEntity(PartitionOf(reviewId), ClosedRow)
            {
                ["Kind"] = "Closed",
                ["ReviewId"] = reviewId,
                ["ClosedAtUtc"] = time.GetUtcNow().UtcDateTime,
            }, cancellationToken);
            LogClosed(reviewId);
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            // Closed before (a retried activity): the first close stands.
        }
    }

    public async Task<ApprovalCheck> CheckAsync(string token, CancellationToken cancellationToken = default) =>
        (await LookAsync(token, cancellationToken)).Check;

    public async Task<ApprovalCheck> RedeemAsync(string token, CancellationToken cancellationToken = default)
    {
        var look = await LookAsync(token, cancellationToken);
        if (look.Check.Status != ApprovalTokenStatus.Valid) return look.Check;

        var ticket = look.Check.Ticket!;
        var grant = ticket.Grant;
        var row = look.TokenRow!;
        var now = time.GetUtcNow().UtcDateTime;
        var client = await tables.GetAsync(Table, cancellationToken);
        try
        {
            // One transaction: the role's decision is claimed (an insert: of racing redeems of any
            // link for this role, exactly one succeeds), this token is marked used (only if nobody
            // changed it since it was read), and so is the reviewer's other link. All or nothing.
            await client.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(row.PartitionKey, DecisionRowOf(grant.Role))
                {
                    ["Kind"] = "Decision",
                    ["Role"] = grant.Role.ToString(),
                    ["Reviewer"] = grant.Reviewer,
                    ["Approve"] = ticket.Approve,
                    ["TokenRow"] = row.RowKey,
                    ["DecidedAtUtc"] = now,
                }),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, UsedEntity(row.PartitionKey, row.RowKey, now), row.ETag),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, UsedEntity(row.PartitionKey, row.GetString("SiblingRow"), now), ETag.All),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another redeem won the race. Read again to answer why (this link used, or the role decided).
            var after = await LookAsync(token, cancellationToken);
            LogRaceLost(grant.ReviewId, grant.Role, after.Check.Status);
            return after.Check.Status != ApprovalTokenStatus.Valid
                ? after.Check
                : new ApprovalCheck(ex.Status == 412 ? ApprovalTokenStatus.Used : ApprovalTokenStatus.AlreadyDecided, ticket);
        }

        LogRedeemed(grant.CaseId, grant.ReviewId, grant.Role, ticket.Approve);
        return look.Check;
    }

    private async Task<Lookup> LookAsync(string token, CancellationToken cancellationToken)
    {
        var claims = codec.Decode(token);
        if (claims is null) return Lookup.Invalid;

        var client = await tables.GetAsync(Table, cancellationToken);
        var partition = PartitionOf(claims.ReviewId);
        var tokenRow = StorageKeys.Hash(token);
        var decisionRow = DecisionRowOf(claims.Role);
        // One round trip for the three rows that decide the answer.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {tokenRow} or RowKey eq {decisionRow} or RowKey eq {ClosedRow})");
        TableEntity? entity = null, decision = null;
        var closed = false;
        await foreach (var found in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (found.RowKey == tokenRow) entity = found;
            else if (found.RowKey == decisionRow) decision = found;
            else if (found.RowKey == ClosedRow) closed = true;
        }

        // A genuine signature with no row (or a row that says otherwise) is not ours to honour.
        if (entity is null || ToTicket(entity) is not { } ticket || !Matches(claims, ticket)) return Lookup.Invalid;

        var status =
            time.GetUtcNow() >= claims.ExpiresAt ? ApprovalTokenStatus.Expired
            : entity.GetBoolean("Used") == true ? ApprovalTokenStatus.Used
            : closed ? ApprovalTokenStatus.ReviewClosed
            : decision is not null ? ApprovalTokenStatus.AlreadyDecided
            : !IsReviewer(ticket.Grant.Role, ticket.Grant.Reviewer) ? ApprovalTokenStatus.NotAReviewer
            : ApprovalTokenStatus.Valid;
        return new Lookup(new ApprovalCheck(status, ticket, closed ? null : ToDecision(decision, ticket.Grant.Role)), entity);
    }

    // The decision a redeem claimed for the role, as it recorded it.
    private static ReviewDecision? ToDecision(TableEntity? row, ReviewerRole role) =>
        row?.GetBoolean("Approve") is { } approve && row.GetString("Reviewer") is { } reviewer
            ? new ReviewDecision(role, reviewer, approve, DateTime.SpecifyKind(row.GetDateTime("DecidedAtUtc") ?? default, DateTimeKind.Utc))
            : null;

    private bool Matches(ApprovalTokenClaims claims, ApprovalTicket ticket) =>
        claims.CaseId == ticket.Grant.CaseId
        && claims.ReviewId == ticket.Grant.ReviewId
        && claims.Role == ticket.Grant.Role
        && claims.Approve == ticket.Approve
        && claims.ExpiresAt.UtcDateTime == ticket.Grant.ExpiresAtUtc
        && codec.IsFor(claims, ticket.Grant.Reviewer);

    private bool IsReviewer(ReviewerRole role, string reviewer)
    {
        ReviewerOptions current;
        try
        {
            current = reviewers.CurrentValue;
        }
        catch (OptionsValidationException invalid)
        {
            // A reloaded settings file that fails the start-up check: no link counts until it is
            // mended, rather than every click failing with a 500.
            LogReviewersInvalid(invalid);
            return false;
        }
        return current.Lists(role, reviewer);
    }

    private static TableEntity TokenEntity(string partition, string row, string siblingRow, ApprovalGrant grant, bool approve, DateTime expiresAtUtc, DateTime issuedAtUtc) =>
        new(partition, row)
        {
            ["Kind"] = "Token",
            ["CaseId"] = grant.CaseId,
            ["ReviewId"] = grant.ReviewId,
            ["ReviewKind"] = grant.Kind.ToString(),
            ["InstanceId"] = grant.InstanceId,
            ["EventName"] = grant.EventName,
            ["Role"] = grant.Role.ToString(),
            ["Reviewer"] = grant.Reviewer,
            ["Approve"] = approve,
            ["Decision"] = approve ? "Approve" : "Reject",
            ["ExpiresAtUtc"] = expiresAtUtc,
            ["IssuedAtUtc"] = issuedAtUtc,
            ["Used"] = false,
            ["SiblingRow"] = siblingRow,
        };

    private static TableEntity UsedEntity(string partition, string row, DateTime now) =>
        new(partition, row) { ["Used"] = true, ["UsedAtUtc"] = now };

    private static ApprovalTicket? ToTicket(TableEntity entity)
    {
        if (!Enum.TryParse<ReviewKind>(entity.GetString("ReviewKind"), out var kind)
            || !Enum.TryParse<ReviewerRole>(entity.GetString("Role"), out var role)
            || entity.GetBoolean("Approve") is not { } approve
            || entity.GetDateTime("ExpiresAtUtc") is not { } expires)
        {
            return null;
        }

        var grant = new ApprovalGrant(
            entity.GetString("CaseId") ?? "",
            entity.GetString("ReviewId") ?? "",
            kind,
            entity.GetString("InstanceId") ?? "",
            entity.GetString("EventName") ?? "",
            role,
            entity.GetString("Reviewer") ?? "",
            DateTime.SpecifyKind(expires, DateTimeKind.Utc));
        return new ApprovalTicket(grant, approve);
    }

    private static string PartitionOf(string reviewId) => StorageKeys.Hash(reviewId);

    private static string DecisionRowOf(ReviewerRole role) => DecisionRowPrefix + role;

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued approval links for case {CaseId}, review {ReviewId}, role {Role}, expiring {ExpiresAtUtc:o}.")]
    private partial void LogIssued(string caseId, string reviewId, ReviewerRole role, DateTime expiresAtUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval link redeemed for case {CaseId}, review {ReviewId}, role {Role}: approve = {Approve}.")]
    private partial void LogRedeemed(string caseId, string reviewId, ReviewerRole role, bool approve);

    [LoggerMessage(Level = LogLevel.Information, Message = "A concurrent redeem won review {ReviewId}, role {Role}; this one answers {Status}.")]
    private partial void LogRaceLost(string reviewId, ReviewerRole role, ApprovalTokenStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {ReviewId} closed: its unused approval links are now refused.")]
    private partial void LogClosed(string reviewId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reviewer settings are invalid; approval links are refused until they are mended.")]
    private partial void LogReviewersInvalid(Exception failure);

    private sealed record Lookup(ApprovalCheck Check, TableEntity? TokenRow)
    {
        public static readonly Lookup Invalid = new(new ApprovalCheck(ApprovalTokenStatus.Invalid, null), null);
    }
}
