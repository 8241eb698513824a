using System.Buffers.Text;
using Azure.Data.Tables;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Infrastructure.Approvals;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Infrastructure.Tests.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class TableApprovalStoreTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private const string BaseUrl = "https://vulns.example.cn";
    private const string MiitReviewer = "li.wei@miit.example.cn";
    private const string OtherMiitReviewer = "zhang.min@miit.example.cn";
    private const string MpsReviewer = "wang.fang@mps.example.cn";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    private readonly FakeTimeProvider time = new(Now);
    private readonly ApprovalTokenCodec codec = new(Key);
    private readonly TestOptionsMonitor<ReviewerOptions> reviewers = new(new ReviewerOptions
    {
        MIIT = [MiitReviewer, OtherMiitReviewer],
        MPS = [MpsReviewer],
    });

    [Fact]
    public async Task IssueAsync_Grant_ReturnsDistinctApproveAndRejectLinksUnderPublicBaseUrl()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();

        // Act
        var links = await store.IssueAsync(grant);

        // Assert
        Assert.StartsWith(BaseUrl + "/approvals/", links.ApproveUrl, StringComparison.Ordinal);
        Assert.StartsWith(BaseUrl + "/approvals/", links.RejectUrl, StringComparison.Ordinal);
        Assert.NotEqual(links.ApproveUrl, links.RejectUrl);
        Assert.True(codec.Decode(TokenOf(links.ApproveUrl))!.Approve);
        Assert.False(codec.Decode(TokenOf(links.RejectUrl))!.Approve);
    }

    [Fact]
    public async Task CheckAsync_FreshLink_ReturnsValidWithTheGrant()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var links = await store.IssueAsync(grant);

        // Act
        var check = await store.CheckAsync(TokenOf(links.RejectUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, check.Status);
        Assert.Equal(new ApprovalTicket(grant, Approve: false), check.Ticket);
    }

    [Fact]
    public async Task CheckAsync_Repeated_ChangesNothing()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var links = await store.IssueAsync(grant);
        var before = await RowsAsync(grant.ReviewId);

        // Act
        var first = await store.CheckAsync(TokenOf(links.ApproveUrl));
        var second = await store.CheckAsync(TokenOf(links.ApproveUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, first.Status);
        Assert.Equal(ApprovalTokenStatus.Valid, second.Status);
        var after = await RowsAsync(grant.ReviewId);
        Assert.Equal(before.Select(e => (e.RowKey, e.ETag)), after.Select(e => (e.RowKey, e.ETag)));
    }

    [Fact]
    public async Task RedeemAsync_FreshLink_ReturnsValidOnceThenUsed()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);

        // Act
        var first = await store.RedeemAsync(token);
        var second = await store.RedeemAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, first.Status);
        Assert.Equal(new ApprovalTicket(grant, Approve: true), first.Ticket);
        Assert.Equal(ApprovalTokenStatus.Used, second.Status);
        Assert.Equal(first.Ticket, second.Ticket);
        Assert.Equal(ApprovalTokenStatus.Used, (await store.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task RedeemAsync_RejectAfterApproveOfSameReviewer_ReturnsUsed()
    {
        // Arrange
        var store = Store();
        var links = await store.IssueAsync(NewGrant());
        await store.RedeemAsync(TokenOf(links.ApproveUrl));

        // Act
        var reject = await store.RedeemAsync(TokenOf(links.RejectUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.Used, reject.Status);
        Assert.False(reject.Ticket!.Approve);
    }

    [Fact]
    public async Task RedeemAsync_SecondReviewerOfSameRole_ReturnsAlreadyDecided()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var first = await store.IssueAsync(grant);
        var second = await store.IssueAsync(grant with { Reviewer = OtherMiitReviewer });
        await store.RedeemAsync(TokenOf(first.RejectUrl));

        // Act
        var check = await store.CheckAsync(TokenOf(second.ApproveUrl));
        var redeem = await store.RedeemAsync(TokenOf(second.ApproveUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.AlreadyDecided, check.Status);
        Assert.Equal(ApprovalTokenStatus.AlreadyDecided, redeem.Status);
        Assert.Equal(OtherMiitReviewer, redeem.Ticket!.Grant.Reviewer);
    }

    [Fact]
    public async Task RedeemAsync_RoleDecidedReviewOpen_CarriesTheRecordedDecision()
    {
        // Arrange: the first reviewer rejected; the hand-over of that decision may have failed.
        var store = Store();
        var grant = NewGrant();
        var first = await store.IssueAsync(grant);
        var second = await store.IssueAsync(grant with { Reviewer = OtherMiitReviewer });
        var decided = await store.RedeemAsync(TokenOf(first.RejectUrl));
        time.Advance(TimeSpan.FromMinutes(5));

        // Act
        var again = await store.RedeemAsync(TokenOf(first.RejectUrl));
        var other = await store.RedeemAsync(TokenOf(second.ApproveUrl));

        // Assert: both answer with the first decision, as it was recorded.
        var recorded = new ReviewDecision(ReviewerRole.MIIT, MiitReviewer, Approved: false, Now.UtcDateTime);
        Assert.Null(decided.RecordedDecision);
        Assert.Equal((ApprovalTokenStatus.Used, recorded), (again.Status, again.RecordedDecision));
        Assert.Equal((ApprovalTokenStatus.AlreadyDecided, recorded), (other.Status, other.RecordedDecision));
    }

    [Fact]
    public async Task RedeemAsync_RoleDecidedReviewClosed_CarriesNoDecision()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var links = await store.IssueAsync(grant);
        await store.RedeemAsync(TokenOf(links.ApproveUrl));
        await store.CloseReviewAsync(grant.ReviewId);

        // Act
        var again = await store.RedeemAsync(TokenOf(links.ApproveUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.Used, again.Status);
        Assert.Null(again.RecordedDecision);
    }

    [Fact]
    public async Task RedeemAsync_OtherRoleOfSameReview_IsStillValid()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var miit = await store.IssueAsync(grant);
        var mps = await store.IssueAsync(grant with { Role = ReviewerRole.MPS, Reviewer = MpsReviewer, EventName = "Approval:MPS:" + grant.ReviewId });
        await store.RedeemAsync(TokenOf(miit.ApproveUrl));

        // Act
        var redeem = await store.RedeemAsync(TokenOf(mps.ApproveUrl));

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, redeem.Status);
        Assert.Equal("Approval:MPS:" + grant.ReviewId, redeem.Ticket!.Grant.EventName);
    }

    [Fact]
    public async Task CheckAsync_AtExpiry_ReturnsExpiredAndRedeemChangesNothing()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);
        var before = await RowsAsync(grant.ReviewId);
        time.SetUtcNow(grant.ExpiresAtUtc);

        // Act
        var check = await store.CheckAsync(token);
        var redeem = await store.RedeemAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.Expired, check.Status);
        Assert.Equal(ApprovalTokenStatus.Expired, redeem.Status);
        Assert.NotNull(redeem.Ticket);
        var after = await RowsAsync(grant.ReviewId);
        Assert.Equal(before.Select(e => (e.RowKey, e.ETag)), after.Select(e => (e.RowKey, e.ETag)));
    }

    [Fact]
    public async Task CheckAsync_OneSecondBeforeExpiry_ReturnsValid()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);
        time.SetUtcNow(grant.ExpiresAtUtc.AddSeconds(-1));

        // Act
        var check = await store.CheckAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, check.Status);
    }

    [Fact]
    public async Task CloseReviewAsync_UnusedLink_AnswersReviewClosed()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);

        // Act
        await store.CloseReviewAsync(grant.ReviewId);
        await store.CloseReviewAsync(grant.ReviewId);

        // Assert
        Assert.Equal(ApprovalTokenStatus.ReviewClosed, (await store.CheckAsync(token)).Status);
        Assert.Equal(ApprovalTokenStatus.ReviewClosed, (await store.RedeemAsync(token)).Status);
    }

    [Fact]
    public async Task CloseReviewAsync_OtherReview_LeavesThisOneOpen()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);

        // Act
        await store.CloseReviewAsync(grant.ReviewId + "-other");

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, (await store.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task RedeemAsync_ReviewerRemovedFromOptions_ReturnsNotAReviewerAndChangesNothing()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        var token = TokenOf((await store.IssueAsync(grant)).ApproveUrl);
        var configured = reviewers.CurrentValue;
        reviewers.CurrentValue = new ReviewerOptions { MIIT = [OtherMiitReviewer], MPS = [MiitReviewer] };

        // Act
        var check = await store.CheckAsync(token);
        var redeem = await store.RedeemAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.NotAReviewer, check.Status);
        Assert.Equal(ApprovalTokenStatus.NotAReviewer, redeem.Status);
        reviewers.CurrentValue = configured;
        Assert.Equal(ApprovalTokenStatus.Valid, (await store.RedeemAsync(token)).Status);
    }

    [Fact]
    public async Task RedeemAsync_ReviewerSettingsReloadedInvalid_ReturnsNotAReviewerAndChangesNothing()
    {
        // Arrange: the settings file was edited into one that fails the start-up check, and reloaded.
        var store = Store();
        var token = TokenOf((await store.IssueAsync(NewGrant())).ApproveUrl);
        reviewers.Failure = new OptionsValidationException("DurableVulns:Reviewers", typeof(ReviewerOptions), ["DurableVulns:Reviewers:MPS needs at least one address"]);

        // Act
        var redeem = await store.RedeemAsync(token);

        // Assert: refused, not a 500; once mended, the same link still counts.
        Assert.Equal(ApprovalTokenStatus.NotAReviewer, redeem.Status);
        reviewers.Failure = null;
        Assert.Equal(ApprovalTokenStatus.Valid, (await store.RedeemAsync(token)).Status);
    }

    [Fact]
    public async Task CheckAsync_ReviewerListedWithOtherCase_ReturnsValid()
    {
        // Arrange
        var store = Store();
        var token = TokenOf((await store.IssueAsync(NewGrant())).ApproveUrl);
        reviewers.CurrentValue = new ReviewerOptions { MIIT = [" LI.WEI@miit.example.cn "] };

        // Act
        var check = await store.CheckAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.Valid, check.Status);
    }

    [Fact]
    public async Task CheckAsync_GenuineSignatureButNeverIssued_ReturnsInvalidWithoutTicket()
    {
        // Arrange: signed with the right key, but no row was ever written for it.
        var store = Store();
        await store.IssueAsync(NewGrant());
        var token = codec.Encode(codec.Create(NewGrant(), approve: true));

        // Act
        var check = await store.CheckAsync(token);

        // Assert
        Assert.Equal(new ApprovalCheck(ApprovalTokenStatus.Invalid, null), check);
    }

    [Fact]
    public async Task RedeemAsync_TokenForgedWithOtherKey_ReturnsInvalid()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();
        await store.IssueAsync(grant);
        var forger = new ApprovalTokenCodec(new byte[32]);
        var token = forger.Encode(forger.Create(grant, approve: true));

        // Act
        var redeem = await store.RedeemAsync(token);

        // Assert
        Assert.Equal(new ApprovalCheck(ApprovalTokenStatus.Invalid, null), redeem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    public async Task RedeemAsync_Garbage_ReturnsInvalid(string token)
    {
        // Arrange
        var store = Store();

        // Act
        var redeem = await store.RedeemAsync(token);

        // Assert
        Assert.Equal(ApprovalTokenStatus.Invalid, redeem.Status);
        Assert.Null(redeem.Ticket);
    }

    [Fact]
    public async Task IssueAsync_Grant_StoresNoTokenOrPartOfIt()
    {
        // Arrange
        var store = Store();
        var grant = NewGrant();

        // Act
        var links = await store.IssueAsync(grant);
        await store.RedeemAsync(TokenOf(links.ApproveUrl));

        // Assert
        var secrets = new List<string>();
        foreach (var token in new[] { TokenOf(links.ApproveUrl), TokenOf(links.RejectUrl) })
        {
            var dot = token.IndexOf('.', StringComparison.Ordinal);
            var nonce = codec.Decode(token)!.Nonce;
            secrets.AddRange([token, token[..dot], token[(dot + 1)..], Base64Url.EncodeToString(nonce),
                Convert.ToBase64String(nonce), Convert.ToHexStringLower(nonce), Convert.ToHexString(nonce)]);
        }

        var rows = await RowsAsync(grant.ReviewId);
        Assert.Equal(3, rows.Count); // two tokens and the MIIT decision
        foreach (var row in rows)
        {
            foreach (var value in row.Select(p => p.Value?.ToString() ?? "").Append(row.PartitionKey).Append(row.RowKey))
            {
                Assert.DoesNotContain(secrets, secret => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.Contains(rows, row => row.RowKey == StorageKeys.Hash(TokenOf(links.ApproveUrl)));
    }

    [Fact]
    public async Task RedeemAsync_EightConcurrentRedeemsOfOneLink_ExactlyOneValid()
    {
        // Arrange: each redeemer has its own table set, as separate hosts would.
        var grant = NewGrant();
        var token = TokenOf((await Store().IssueAsync(grant)).ApproveUrl);
        var stores = Enumerable.Range(0, 8).Select(_ => Store(new TableSet(storage.Options))).ToList();
        using var start = new Barrier(stores.Count);

        // Act
        var results = await Task.WhenAll(stores.Select(store => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return store.RedeemAsync(token);
        })));

        // Assert
        Assert.Single(results, r => r.Status == ApprovalTokenStatus.Valid);
        Assert.All(results.Where(r => r.Status != ApprovalTokenStatus.Valid), r => Assert.Equal(ApprovalTokenStatus.Used, r.Status));
    }

    [Fact]
    public async Task RedeemAsync_ConcurrentApproveAndRejectOfOneRole_ExactlyOneValid()
    {
        // Arrange: both links of two reviewers of one role, redeemed at once, twice each.
        var store = Store();
        var grant = NewGrant();
        var first = await store.IssueAsync(grant);
        var second = await store.IssueAsync(grant with { Reviewer = OtherMiitReviewer });
        string[] urls = [first.ApproveUrl, first.RejectUrl, second.ApproveUrl, second.RejectUrl];
        var tokens = urls.Concat(urls).Select(TokenOf).ToList();
        var stores = tokens.Select(_ => Store(new TableSet(storage.Options))).ToList();
        using var start = new Barrier(tokens.Count);

        // Act
        var results = await Task.WhenAll(tokens.Select((token, i) => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return stores[i].RedeemAsync(token);
        })));

        // Assert
        var winner = Assert.Single(results, r => r.Status == ApprovalTokenStatus.Valid);
        Assert.All(results.Where(r => r.Status != ApprovalTokenStatus.Valid),
            r => Assert.Contains(r.Status, new[] { ApprovalTokenStatus.Used, ApprovalTokenStatus.AlreadyDecided }));
        var decision = Assert.Single(await RowsAsync(grant.ReviewId), row => row.RowKey == "decision-MIIT");
        Assert.Equal(winner.Ticket!.Approve, decision.GetBoolean("Approve"));
        Assert.Equal(winner.Ticket.Grant.Reviewer, decision.GetString("Reviewer"));
    }

    private TableApprovalStore Store(TableSet? tables = null) => new(
        tables ?? storage.Tables,
        codec,
        Options.Create(new ApprovalOptions { PublicBaseUrl = BaseUrl + "/" }),
        reviewers,
        time,
        NullLogger<TableApprovalStore>.Instance);

    private static ApprovalGrant NewGrant()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var reviewId = Guid.NewGuid().ToString("N");
        return new ApprovalGrant(caseId, reviewId, ReviewKind.EarlyDisclosure, caseId + ":disclosure", "Approval:MIIT:" + reviewId,
            ReviewerRole.MIIT, MiitReviewer, Now.UtcDateTime.AddDays(7));
    }

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private async Task<List<TableEntity>> RowsAsync(string reviewId)
    {
        var rows = new List<TableEntity>();
        var partition = StorageKeys.Hash(reviewId);
        await foreach (var row in storage.Table("Approvals").QueryAsync<TableEntity>(e => e.PartitionKey == partition)) rows.Add(row);
        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }
}
