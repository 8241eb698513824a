using DurableVulns.Testing;

namespace DurableVulns.Host.Tests.Hostile;

/// <summary>The standard test host (<see cref="DurableVulnsHost"/>): an instance of its own for the <see cref="HostileCollection"/>.</summary>
public sealed class HostileHost : DurableVulnsHost;
