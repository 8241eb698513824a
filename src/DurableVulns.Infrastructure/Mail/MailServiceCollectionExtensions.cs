using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SendGrid;

namespace DurableVulns.Infrastructure.Mail;

/// <summary>Registers the <see cref="IMailer"/> chosen by <c>DurableVulns:Mail:Mode</c>.</summary>
public static class MailServiceCollectionExtensions
{
    private const string SendGridHttpClient = "SendGrid";

    public static IServiceCollection AddDurableVulnsMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);

        // Read now rather than on first send: a misconfigured host should fail at startup.
        var settings = section.Get<MailOptions>() ?? new MailOptions();
        if (!TextRules.IsEmail(settings.From))
        {
            throw new InvalidOperationException($"{MailOptions.Section}:From must be one plain e-mail address.");
        }

        switch (settings.Mode)
        {
            case MailMode.Pickup:
                services.TryAddSingleton<IMailer, PickupDirectoryMailer>();
                break;

            case MailMode.SendGrid:
                if (string.IsNullOrWhiteSpace(settings.SendGridApiKey))
                {
                    throw new InvalidOperationException(
                        "DurableVulns:Mail:SendGridApiKey is required when DurableVulns:Mail:Mode is SendGrid");
                }

                // SendGrid refuses a sender it has not verified, and every send would be retried as
                // an outage; a reserved domain (the local placeholder among them) can never be verified.
                if (IsReservedDomain(settings.From))
                {
                    throw new InvalidOperationException(
                        $"DurableVulns:Mail:From must be a sender verified in SendGrid when DurableVulns:Mail:Mode is SendGrid; {settings.From} is on a reserved domain.");
                }

                services.AddHttpClient(SendGridHttpClient);
                // Transient: clients from IHttpClientFactory are meant to be short-lived, so the
                // factory can rotate handlers (DNS changes); a singleton would pin one forever.
                services.TryAddTransient<ISendGridClient>(provider => new SendGridClient(
                    provider.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridHttpClient),
                    new SendGridClientOptions { ApiKey = provider.GetRequiredService<IOptions<MailOptions>>().Value.SendGridApiKey }));
                services.TryAddTransient<IMailer, SendGridMailer>();
                break;

            default:
                throw new InvalidOperationException($"{MailOptions.Section}:Mode '{settings.Mode}' is not supported.");
        }

        return services;
    }

    // RFC 2606 and RFC 6761 names, which no one can own: .local, .localhost, .example, .test,
    // .invalid, and example.com, .net and .org.
    // The address passed TextRules.IsEmail, so its domain has at least two labels.
    private static bool IsReservedDomain(string address)
    {
        var labels = address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant().Split('.');
        return labels[^1] is "local" or "localhost" or "example" or "test" or "invalid"
            || (labels[^2] == "example" && labels[^1] is "com" or "net" or "org");
    }
}
