using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace DurableVulns.Infrastructure.Mail;

/// <summary>
/// Production mailer over the SendGrid v3 mail-send API. A mail that names a template configured in
/// <see cref="MailOptions.Templates"/> goes out as that dynamic template, with its template data plus
/// <c>subject</c>; any other mail goes out as its plain text body. A message SendGrid refuses for
/// good (a recipient it will not take, or too large) throws <see cref="MailRefusedException"/>,
/// which the workflow records as undeliverable; any other status throws <see cref="MailServiceException"/>
/// (the status only), so the activity that called it is retried.
/// </summary>
public sealed class SendGridMailer : IMailer
{
    // Sent as a header and a custom arg: the header is visible in the delivered message, the
    // custom arg comes back on SendGrid's event webhook, so both can be traced to the case.
    private const string KeyName = "X-DurableVulns-Key";

    // Added to every template's data, so a template can use {{subject}} for its subject line.
    private const string SubjectField = "subject";

    // The field SendGrid names in an error about a recipient, e.g. "personalizations.0.to.0.email".
    private static readonly Regex RecipientField = new(@"^personalizations\.\d+\.to(\.|$)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly ISendGridClient _client;
    private readonly EmailAddress _from;
    private readonly Dictionary<string, string> _templateIds = new(StringComparer.OrdinalIgnoreCase);

    public SendGridMailer(ISendGridClient client, IOptions<MailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var from = options.Value.From;
        if (string.IsNullOrWhiteSpace(from) || from.Any(char.IsControl))
            throw new InvalidOperationException($"{MailOptions.Section}:From must be a single-line address.");

        _client = client;
        _from = MailHelper.StringToEmailAddress(from.Trim());

        // Configuration keys are case-insensitive, so template names are too; a blank id means "not configured".
        if (options.Value.Templates is { } templates)
        {
            foreach (var (name, id) in templates)
            {
                if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(id)) _templateIds[name] = id.Trim();
            }
        }
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(mail.Key)) throw new ArgumentException("The mail key is required.", nameof(mail));
        if (mail.To is null || mail.To.Count == 0) throw new ArgumentException("At least one recipient is required.", nameof(mail));

        var to = new List<EmailAddress>(mail.To.Count);
        for (var i = 0; i < mail.To.Count; i++)
        {
            // The address is left out of the message: it is personal data and exceptions get logged.
            if (mail.To[i] is not { } address || !TextRules.IsEmail(address))
                throw new ArgumentException($"Recipient #{i} is not a plain e-mail address.", nameof(mail));
            to.Add(new EmailAddress(address));
        }

        // One personalization per recipient: e.g. affected users must not see each other's addresses.
        var subject = OneLine(mail.Subject);
        var message = mail.Template is { } template && _templateIds.TryGetValue(template, out var templateId)
            ? MailHelper.CreateSingleTemplateEmailToMultipleRecipients(_from, to, templateId, TemplateData(mail, subject))
            : MailHelper.CreateSingleEmailToMultipleRecipients(_from, to, subject, mail.TextBody, null);
        message.AddGlobalHeader(KeyName, HeaderValue(mail.Key));
        message.AddGlobalCustomArg(KeyName, mail.Key);
        // Whatever the account's defaults: click tracking would route every approval and tracking
        // link (a bearer token) through SendGrid's redirector, and an open pixel tells a third party
        // when a reviewer or reporter read the mail.
        message.SetClickTracking(false, false);
        message.SetOpenTracking(false);

        var response = await _client.SendEmailAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // Status only: SendGrid error bodies can echo parts of the message, i.e. report details.
            var status = $"HTTP {(int)response.StatusCode} ({response.StatusCode})";
            if (await IsRefusedForGoodAsync(response, cancellationToken).ConfigureAwait(false))
                throw new MailRefusedException($"SendGrid refused the message for good: {status}.");
            throw new MailServiceException($"SendGrid did not accept the message: {status}.");
        }
    }

    /// <summary>
    /// True for a message that can never be sent as it is: too large (413), or a 400 whose every
    /// error names a recipient field. A 400 about anything else (the template, the sender, the
    /// key's permissions) comes from our set-up, would hit every message alike and is fixed by a
    /// deploy, so it is retried like an outage.
    /// </summary>
    private static async Task<bool> IsRefusedForGoodAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge) return true;
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Body is null) return false;
        try
        {
            using var body = JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (!body.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
                return false;
            return errors.EnumerateArray().All(error =>
                error.ValueKind == JsonValueKind.Object && error.TryGetProperty("field", out var field) &&
                field.ValueKind == JsonValueKind.String && RecipientField.IsMatch(field.GetString()!));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The mail's template data (serialized as one JSON object of strings) plus its one-line subject.</summary>
    private static Dictionary<string, string> TemplateData(OutgoingMail mail, string subject)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mail.TemplateData is { } fields)
        {
            foreach (var (name, value) in fields) data[name] = value;
        }

        // The subject the workflow chose wins over a same-named data field, as for a plain-text mail.
        data[SubjectField] = subject;
        return data;
    }

    /// <summary>A subject is one line: line breaks (e.g. from a reporter-supplied name) become spaces.</summary>
    private static string OneLine(string? value) =>
        string.Create(value?.Length ?? 0, value ?? string.Empty, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });

    /// <summary>The key as-is when it is printable ASCII, else one RFC 2047 encoded-word (no raw CR/LF in a header).</summary>
    private static string HeaderValue(string key) =>
        key.All(c => c is >= ' ' and <= '~')
            ? key
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(key))}?=";
}
