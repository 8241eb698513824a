using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// Builds the token codec when the host starts, so that a bad signing key stops the start and a
/// missing one is warned about then, not at the first reviewer's click.
/// </summary>
public sealed class ApprovalStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ApprovalTokenCodec>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
