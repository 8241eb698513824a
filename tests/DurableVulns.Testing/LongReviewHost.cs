namespace DurableVulns.Testing;

/// <summary>A host whose reviews outlast any test (see <see cref="TestPolicies.LongReview"/>), so links never expire mid-test.</summary>
public sealed class LongReviewHost() : DurableVulnsHost(TestPolicies.LongReview);
