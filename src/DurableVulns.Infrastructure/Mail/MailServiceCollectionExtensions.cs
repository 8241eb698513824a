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
}
