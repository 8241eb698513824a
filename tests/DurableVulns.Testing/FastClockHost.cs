namespace DurableVulns.Testing;

/// <summary>A host whose MIIT clock runs in seconds (see <see cref="TestPolicies.FastClock"/>).</summary>
public sealed class FastClockHost() : DurableVulnsHost(TestPolicies.FastClock);
