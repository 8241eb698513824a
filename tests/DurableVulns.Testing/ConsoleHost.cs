using System.Globalization;
using DurableVulns.Web.Console;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DurableVulns.Testing;

/// <summary>
/// <see cref="DurableVulnsHost"/> with console users: an analyst, a lead, and spare analysts for tests
/// that count failed sign-ins (their lock-outs stay in this host's own task hub). Development by
/// default; a subclass may pick another environment (Production: Secure cookies, pages over HTTPS only).
/// </summary>
public class ConsoleHost : DurableVulnsHost
{
    public const string AnalystEmail = "analyst@acme.example";
    public const string AnalystPassword = "analyst-Pa55word";
    public const string LeadEmail = "lead@acme.example";
    public const string LeadPassword = "lead-Pa55word";

    /// <summary>Analysts (password <see cref="AnalystPassword"/>) whose sign-ins a test may fail on purpose, one test each.</summary>
    public static readonly IReadOnlyList<string> SpareAnalysts =
        ["spare-1@acme.example", "spare-2@acme.example", "spare-3@acme.example", "spare-4@acme.example"];

    private readonly string environment;

    public ConsoleHost() : this("Development")
    {
    }

    protected ConsoleHost(string environment) => this.environment = environment;

    /// <summary>
    /// A fresh client that does not follow redirects, as a browser tab whose redirects a test inspects:
    /// over HTTPS or plain HTTP, keeping its cookies or not, and in English unless told otherwise.
    /// </summary>
    public HttpClient Tab(bool https = false, bool handleCookies = true, string? language = "en")
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = handleCookies,
        });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var users = new List<(string Email, string Password, string Role)>
        {
            (AnalystEmail, AnalystPassword, ConsoleRoles.Analyst),
            (LeadEmail, LeadPassword, ConsoleRoles.Lead),
        };
        users.AddRange(SpareAnalysts.Select(email => (email, AnalystPassword, ConsoleRoles.Analyst)));
        for (var i = 0; i < users.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            builder.UseSetting($"DurableVulns:Console:Users:{n}:Email", users[i].Email);
            builder.UseSetting($"DurableVulns:Console:Users:{n}:PasswordHash", LocalSignIn.HashPassword(users[i].Password));
            builder.UseSetting($"DurableVulns:Console:Users:{n}:Role", users[i].Role);
        }
    }
}
