using System.Text.Json;
using Grpc.AspNetCore.Server;
using ImrPredict.Application.Audit;
using ImrPredict.Server.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Security;

/// <summary>
/// Answers a refused API call as its transport expects, saying why: gRPC gets <c>UNAUTHENTICATED</c> or
/// <c>PERMISSION_DENIED</c> with a message, JSON a 401 or 403 with a <c>google.rpc.Status</c> body. The refusal of an
/// audited call is audited. Pages fall through to the default (a 401, or the sign-in redirect).
/// </summary>
public sealed class AccessDeniedResponses(AuditTrail trail, IOptions<AuthOptions> auth, ApiKeyRing keys) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>();
        if (authorizeResult.Succeeded || method is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var action = method.Method.Name;
        var unauthenticated = authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true;
        var caller = Caller.Of(context, auth.Value);
        var role = policy.Requirements.OfType<RoleRequirement>().FirstOrDefault()?.Role;
        var message = unauthenticated ? DenialReasons.Unauthenticated(context, auth.Value, keys.Any) : DenialReasons.Forbidden(caller, action, role);
        if (trail.Enabled && AuditedIds.Actions.Contains(action))
        {
            trail.Record(AuditedCalls.RecordOf(context, auth.Value, action, unauthenticated ? "Unauthenticated" : "PermissionDenied", [], []));
        }

        var code = unauthenticated ? Google.Rpc.Code.Unauthenticated : Google.Rpc.Code.PermissionDenied;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC answer: the status in the headers, no message.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        context.Response.StatusCode = unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = auth.Value.HasProvider ? "Bearer" : $"ApiKey header=\"{CredentialSchemes.ApiKeyHeader}\"";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { code = (int)code, message, details = Array.Empty<object>() }));
    }
}
