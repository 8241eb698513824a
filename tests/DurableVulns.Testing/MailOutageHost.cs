namespace DurableVulns.Testing;

/// <summary>
/// A host on the fast MIIT clock with quick retries (see <see cref="TestPolicies.FastClockQuickRetry"/>)
/// whose mail service can be taken down and brought back.
/// </summary>
public sealed class MailOutageHost() : DurableVulnsHost(TestPolicies.FastClockQuickRetry)
{
    /// <summary>Replaces the pickup folder by a plain file, so that every send fails until the outage ends.</summary>
    public async Task<MailOutage> StartMailOutageAsync()
    {
        Directory.Delete(MailDirectory, recursive: true);
        await File.WriteAllTextAsync(MailDirectory, "a mail outage");
        return new MailOutage(MailDirectory);
    }
}
