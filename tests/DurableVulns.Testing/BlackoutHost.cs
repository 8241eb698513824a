namespace DurableVulns.Testing;

/// <summary>A host whose policy has a national-event blackout around now (see <see cref="TestPolicies.Blackout"/>).</summary>
public sealed class BlackoutHost() : DurableVulnsHost(TestPolicies.Blackout());
