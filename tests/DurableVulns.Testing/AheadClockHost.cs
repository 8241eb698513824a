using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Testing;

/// <summary>
/// A host whose own clock (the API's and the activities' <see cref="TimeProvider"/>) runs
/// <see cref="Ahead"/> in front of the durable engine's, as a worker's clock may run ahead of the
/// machine that ran the orchestration's episode. Its reviews outlast a test (see <see cref="TestPolicies.LongReview"/>);
/// approval links, timed by the host's clock, expire at once.
/// </summary>
public sealed class AheadClockHost() : DurableVulnsHost(TestPolicies.LongReview)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(1);

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new AheadTimeProvider()));

    private sealed class AheadTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
    }
}
