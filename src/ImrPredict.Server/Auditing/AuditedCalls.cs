using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ImrPredict.Application.Audit;
using ImrPredict.Server.Security;
using ImrPredict.Store.Audit;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Auditing;

/// <summary>
/// Leaves one audit record per audited call (<see cref="AuditedIds.Actions"/>), over gRPC and JSON alike, once the call
/// has ended: who, what, the ids returned or changed, the outcome. Queued, so the call never waits for the database.
/// </summary>
public sealed class AuditedCalls(AuditTrail trail, IOptions<AuthOptions> auth) : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        IsAudited(context) ? Audited(context, request, () => continuation(request, context)) : continuation(request, context);

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        IsAudited(context) ? Audited(context, null, () => continuation(requestStream, context)) : continuation(requestStream, context);

    /// <summary>The record of a call by the caller of <paramref name="http"/>.</summary>
    public static AuditRecord RecordOf(HttpContext http, AuthOptions auth, string action, string outcome, IReadOnlyList<string> precedents, IReadOnlyList<string> letters)
    {
        var caller = Caller.Of(http, auth);
        return new AuditRecord(0, DateTimeOffset.UtcNow, caller.Subject, caller.Name, caller.Role, caller.Scheme, action, outcome, precedents, letters,
            Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString());
    }

    private async Task<TResponse> Audited<TResponse>(ServerCallContext context, object? request, Func<Task<TResponse>> call)
    {
        try
        {
            var response = await call();
            Record(context, request, response, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(context, request, null, e.StatusCode);
            throw;
        }
        catch (Exception)
        {
            Record(context, request, null, StatusCode.Internal);
            throw;
        }
    }

    private static string ActionOf(ServerCallContext context) => context.Method[(context.Method.LastIndexOf('/') + 1)..];

    private bool IsAudited(ServerCallContext context) => trail.Enabled && AuditedIds.Actions.Contains(ActionOf(context));

    private void Record(ServerCallContext context, object? request, object? response, StatusCode status)
    {
        var action = ActionOf(context);
        var (precedents, letters) = AuditedIds.Of(request, response);
        trail.Record(RecordOf(context.GetHttpContext(), auth.Value, action, status.ToString(), precedents, letters));
    }
}
