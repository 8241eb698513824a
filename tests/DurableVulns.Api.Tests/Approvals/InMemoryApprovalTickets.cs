using DurableVulns.Workflows.Ports;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>Tokens with a fixed status each; a redeem of a valid one makes it used, once.</summary>
public sealed class InMemoryApprovalTickets : IApprovalTickets
{
    private readonly Dictionary<string, (ApprovalTokenStatus Status, ApprovalTicket Ticket)> tokens = new(StringComparer.Ordinal);

    public int Redeems { get; private set; }

    public void Add(string token, ApprovalTokenStatus status, ApprovalTicket ticket)
    {
        lock (tokens) tokens[token] = (status, ticket);
    }

    public Task<ApprovalCheck> CheckAsync(string token, CancellationToken cancellationToken = default)
    {
        lock (tokens) return Task.FromResult(Look(token));
    }

    public Task<ApprovalCheck> RedeemAsync(string token, CancellationToken cancellationToken = default)
    {
        lock (tokens)
        {
            Redeems++;
            var check = Look(token);
            if (check.Status == ApprovalTokenStatus.Valid) tokens[token] = (ApprovalTokenStatus.Used, check.Ticket!);
            return Task.FromResult(check);
        }
    }

    private ApprovalCheck Look(string token) =>
        tokens.TryGetValue(token, out var entry) ? new ApprovalCheck(entry.Status, entry.Ticket) : new ApprovalCheck(ApprovalTokenStatus.Invalid, null);
}
