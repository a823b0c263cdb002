using Microsoft.AspNetCore.Antiforgery;

namespace ImrPredict.Server.Security;

/// <summary>
/// The web app's session: a call authenticated by the session cookie that changes or sends anything (every method but
/// GET, HEAD, OPTIONS) must carry the antiforgery token <c>/auth/me</c> gave the page, in <see cref="AntiforgeryHeader"/>;
/// another site's page can make the browser send the cookie, but cannot read the token.
/// </summary>
public sealed class WebSession(RequestDelegate next)
{
    /// <summary>The header that carries the antiforgery token.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Checks the token of session calls, then passes the request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsSession(context) && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"code":7,"message":"the session's antiforgery token is missing or stale: reload the page","details":[]}""");
                return;
            }
        }

        await next(context);
    }

    /// <summary>Whether the request was authenticated by the web app's session cookie.</summary>
    public static bool IsSession(HttpContext context) => context.User.FindFirst(CredentialSchemes.SchemeClaim)?.Value == "cookie";
}
