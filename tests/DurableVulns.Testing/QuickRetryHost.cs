namespace DurableVulns.Testing;

/// <summary>A host whose failed activities are retried within fractions of a second (see <see cref="TestPolicies.QuickRetry"/>).</summary>
public sealed class QuickRetryHost() : DurableVulnsHost(TestPolicies.QuickRetry);
