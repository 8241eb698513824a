namespace DurableVulns.Testing;

/// <summary>A mail outage of a host (<see cref="DurableVulnsHost.StartMailOutageAsync"/>); ended by <see cref="End"/>, or at the latest when disposed.</summary>
public sealed class MailOutage(string mailDirectory) : IDisposable
{
    /// <summary>Puts the pickup folder back; does nothing once it is back.</summary>
    public void End()
    {
        if (!File.Exists(mailDirectory)) return;
        File.Delete(mailDirectory);
        Directory.CreateDirectory(mailDirectory);
    }

    public void Dispose() => End();
}
