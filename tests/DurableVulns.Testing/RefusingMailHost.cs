using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableVulns.Testing;

/// <summary>
/// A host whose mail service refuses for good every message to <see cref="RefusedAddress"/>, as
/// SendGrid does with a 400; other mail goes to the pickup folder as usual.
/// </summary>
public sealed class RefusingMailHost : DurableVulnsHost
{
    public const string RefusedAddress = "refused@lab.example.cn";

    private int refusals;

    /// <summary>How many sends the mail service has refused so far.</summary>
    public int Refusals => Volatile.Read(ref refusals);

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IMailer>(sp => new RefusingMailer(
            new PickupDirectoryMailer(sp.GetRequiredService<IOptions<MailOptions>>(), TimeProvider.System),
            () => Interlocked.Increment(ref refusals))));

    private sealed class RefusingMailer(IMailer inner, Action refused) : IMailer
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            if (!mail.To.Contains(RefusedAddress, StringComparer.OrdinalIgnoreCase)) return inner.SendAsync(mail, cancellationToken);
            refused();
            throw new MailRefusedException("SendGrid refused the message for good: HTTP 400 (BadRequest).");
        }
    }
}
