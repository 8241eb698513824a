namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// A browser tab over <see cref="HttpClient"/>: reads pages, posts their forms with the anti-forgery
/// token it read, signs in. Cookies are kept by the client (or not) as it was created.
/// </summary>
public sealed class PageClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    /// <summary>GETs the page; returns the response and its HTML.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs the fields as <c>application/x-www-form-urlencoded</c>, with the token when one is given.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = token is null ? fields : fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(all));
    }

    /// <summary>Opens the sign-in page (with the return URL in its query, as the console's challenge sends it) and sends the form.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var (page, html) = await GetAsync(returnUrl is null ? "/console/sign-in" : "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        return await PostSignInAsync(email, password, Html.RequestToken(html), returnUrl);
    }

    /// <summary>Sends the sign-in form with a token read earlier.</summary>
    public Task<HttpResponseMessage> PostSignInAsync(string email, string password, string? token, string? returnUrl = null) =>
        PostFormAsync("/console/sign-in", [new("email", email), new("password", password), new("returnUrl", returnUrl ?? "")], token);

    /// <summary>The response's <c>Set-Cookie</c> headers for cookies whose name starts with <paramref name="namePrefix"/>.</summary>
    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response, string namePrefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? [.. values.Where(v => v.StartsWith(namePrefix, StringComparison.Ordinal))]
            : [];

    /// <summary>The attributes of one <c>Set-Cookie</c> header, lower-cased, without the name and value.</summary>
    public static IReadOnlyList<string> CookieAttributes(string setCookie) =>
        [.. setCookie.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a.ToLowerInvariant())];

    /// <summary>The redirect target as sent (relative or absolute).</summary>
    public static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>
    /// The redirect target as a local path and query when it points at this client's own origin
    /// (relative, or absolute with the same scheme, host and port); otherwise as sent, so that an
    /// off-site target never passes for a local one.
    /// </summary>
    public string? LocalTarget(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location) return null;
        if (!location.IsAbsoluteUri) return location.OriginalString;
        return location.GetLeftPart(UriPartial.Authority) == client.BaseAddress!.GetLeftPart(UriPartial.Authority)
            ? location.PathAndQuery
            : location.OriginalString;
    }

    public void Dispose() => client.Dispose();
}
