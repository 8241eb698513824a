namespace DurableVulns.Testing;

/// <summary>A host whose clock has a long gap after its first reminder (see <see cref="TestPolicies.GappedClock"/>).</summary>
public sealed class GappedClockHost() : DurableVulnsHost(TestPolicies.GappedClock);
