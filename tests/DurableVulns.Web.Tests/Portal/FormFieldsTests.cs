using DurableVulns.Domain.Validation;
using DurableVulns.Web.Portal;
using DurableVulns.Web.Tests.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DurableVulns.Web.Tests.Portal;

public sealed class FormFieldsTests
{
    [Fact]
    public void From_PostedForm_KeepsValuesAndOptionalEmptyIsNull()
    {
        var fields = FormFields.From(Form(("reporter.name", "李伟"), ("reporter.organization", "  ")));

        Assert.Equal("李伟", fields["reporter.name"]);
        Assert.Equal("", fields["missing"]);
        Assert.Null(fields.Optional("reporter.organization"));
    }

    [Fact]
    public void ErrorsOf_ItemErrors_ShownUnderTheListFieldNumberedFromOne()
    {
        var fields = new FormFields();
        var errors = new FieldErrors();
        errors.Add("recipients[1].country", "must be an ISO 3166-1 alpha-2 code such as CN.");
        errors.Add("recipients", "must list at most 50 recipients.");

        fields.AddErrors(errors);
        var english = MiitCountdownTests.InCulture("en", () => fields.ErrorsOf("recipients"));
        var chinese = MiitCountdownTests.InCulture("zh-CN", () => fields.ErrorsOf("recipients"));

        Assert.Equal(["must list at most 50 recipients.", "(2 country) must be an ISO 3166-1 alpha-2 code such as CN."], english);
        Assert.Equal(["最多 50 个收件人。", "(2 country) 须为 ISO 3166-1 两位国家代码，如 CN。"], chinese);
    }

    [Fact]
    public void ErrorsOtherThan_ShownFields_OnlyTheRest()
    {
        var fields = new FormFields();
        fields.AddError("$", "a report object is required.");
        fields.AddError("title", "is required.");
        fields.AddError("affectedVersions[0]", "is required.");

        var rest = MiitCountdownTests.InCulture("en", () => fields.ErrorsOtherThan(["title", "affectedVersions"]).ToList());

        Assert.Equal(["a report object is required."], rest);
    }

    private static FormCollection Form(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));
}
