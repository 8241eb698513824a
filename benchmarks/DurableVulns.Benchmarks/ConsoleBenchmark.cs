using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace DurableVulns.Benchmarks;

/// <summary>
/// console-list-render: the PSIRT console's case list (/console, first page, every open case sorted
/// by time left) with 1,000 open cases (300 with --quick), as a signed-in lead asks for it over
/// (forwarded) HTTPS. Baseline: reading the same case records straight from our Cases table in the same run,
/// which is the data the page needs; the ratio is what rendering adds. The dashboard is timed too.
/// </summary>
public static partial class ConsoleBenchmark
{
    public const string Name = "console";
    private const string LeadEmail = "bench-lead@acme.example";
    private const string LeadPassword = "bench-lead-password";
    private const int Rounds = 15;

    public static async Task RunAsync(BenchOptions options, Results results)
    {
        var n = options.Quick ? 300 : 1000;
        Console.WriteLine($"== console: the case list with {n} open cases");
        // Production, as deployed behind a TLS proxy: the client says https through X-Forwarded-Proto.
        await using var host = await HostProcess.StartAsync(options, "console", Requests.Policy("bench-console", 48 * 3600, 24 * 3600, 36 * 3600),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["DurableVulns__Console__Users__0__Email"] = LeadEmail,
                ["DurableVulns__Console__Users__0__PasswordHash"] = await HashAsync(options),
                ["DurableVulns__Console__Users__0__Role"] = "Lead",
            });
        using (var anonymous = host.Client(psirt: false))
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (i, ct) => await Requests.FileAsync(anonymous, i, ct));
        await EndToEndBenchmark.WaitAsync(() => host.MailCount() >= n, TimeSpan.FromSeconds(300), "acknowledgements");

        using var browser = await SignInAsync(host);
        var table = new TableClient(options.ConnectionString, host.TaskHub + "Cases");
        var list = new List<double>();
        var dashboard = new List<double>();
        var raw = new List<double>();
        var rows = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var records = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>("Stage ne 'Closed'")) records++;
            raw.Add(clock.Elapsed.TotalMilliseconds);
            if (records < n) throw new InvalidOperationException($"Only {records} open cases in the table.");

            clock.Restart();
            var page = await browser.GetStringAsync("/console");
            list.Add(clock.Elapsed.TotalMilliseconds);
            rows = CaseRow().Count(page);

            clock.Restart();
            await browser.GetStringAsync("/console/dashboard");
            dashboard.Add(clock.Elapsed.TotalMilliseconds);
        }
        // The first round warms up the page compilation and the connection; it is left out.
        var (listMedian, rawMedian, dashMedian) = (Stats.Median(list[1..]), Stats.Median(raw[1..]), Stats.Median(dashboard[1..]));
        Console.WriteLine($"  /console ({rows} rows shown of {n}): median {Stats.F(listMedian, 0)} ms, p95 {Stats.F(Stats.Percentile(list[1..], 95), 0)} ms; " +
            $"table read of the open cases: median {Stats.F(rawMedian, 0)} ms; /console/dashboard median {Stats.F(dashMedian, 0)} ms");
        results.Note(Name, $"{n} open cases; /console renders the first page ({rows} rows) after reading and sorting all of them: median {Stats.F(listMedian, 0)} ms, " +
            $"p95 {Stats.F(Stats.Percentile(list[1..], 95), 0)} ms over {Rounds - 1} requests; the dashboard median {Stats.F(dashMedian, 0)} ms.");
        results.Note(Name, $"Baseline: the same open cases read straight from {host.TaskHub}Cases (whole records), median {Stats.F(rawMedian, 0)} ms.");
        results.Add(new Figure("console-list-render", listMedian, "ms", rawMedian, "(none set; the issue asks for the figure)",
            "reading every open case record from table storage on each request; rendering and sorting add little"));
        results.Print("console-list-render");
    }

    /// <summary>Signs in through the form; the client then carries the session cookie by hand (it is Secure, the link is HTTP).</summary>
    private static async Task<HttpClient> SignInAsync(HostProcess host)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync("/console/sign-in");
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var antiforgery = Cookies(form);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["email"] = LeadEmail, ["password"] = LeadPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");
        client.DefaultRequestHeaders.Add("Cookie", Cookies(signedIn));
        return client;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    // The host's own hash-password command: the benchmark needs no reference to the web project.
    private static async Task<string> HashAsync(BenchOptions options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(options.HostDirectory, "DurableVulns.Host.dll"));
        start.ArgumentList.Add("hash-password");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await process.StandardInput.WriteLineAsync(LeadPassword);
        process.StandardInput.Close();
        var hash = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return hash;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("class=\"case-row\"")]
    private static partial Regex CaseRow();
}
