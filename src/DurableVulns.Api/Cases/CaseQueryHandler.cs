using DurableVulns.Api.Http;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Cases;

/// <summary><c>GET /api/reports/{id}</c> and <c>GET /api/reports/{id}/miit-package</c>.</summary>
public sealed class CaseQueryHandler(ICaseStore cases, IAuditLog audit)
{
    public async Task<IResult> StatusAsync(string id, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(id, cancellationToken);
        if (record is null) return Problems.NotFound(id);
        return Results.Json(CaseViews.Status(record, await audit.ReadAsync(id, cancellationToken)));
    }

    public async Task<IResult> MiitPackageAsync(string id, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(id, cancellationToken);
        return record is null ? Problems.NotFound(id) : Results.Json(CaseViews.Package(record));
    }
}
