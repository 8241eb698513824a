namespace DurableVulns.Testing;

/// <summary>
/// A host on the fast MIIT clock with quick retries (see <see cref="TestPolicies.FastClockQuickRetry"/>),
/// for tests that take its mail service down (<see cref="DurableVulnsHost.StartMailOutageAsync"/>).
/// </summary>
public sealed class MailOutageHost() : DurableVulnsHost(TestPolicies.FastClockQuickRetry);
