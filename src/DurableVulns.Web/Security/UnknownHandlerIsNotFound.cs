using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DurableVulns.Web.Security;

/// <summary>
/// A request for which a page has no handler (a POST to a page that only shows, an unknown
/// <c>?handler=</c>) is a 404, not a render of a page whose handler never ran.
/// </summary>
public sealed class UnknownHandlerIsNotFound : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null) context.Result = new NotFoundResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
