using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ImrPredict.Application.Telemetry;

namespace ImrPredict.Server;

/// <summary>
/// One structured line per call: method, status, latency, a request id (the caller's <c>x-request-id</c> when it is a
/// plain identifier, else a new one; echoed back) and, for an invalid request, the names of the fields at fault. Never
/// the request's content or an error's description: both may quote clinical text.
/// </summary>
public sealed partial class RequestLogging(ILogger<RequestLogging> logger, ServiceMetrics metrics) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        await Logged(context, () => continuation(request, context));

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        await Logged(context, () => continuation(requestStream, context));

    private async Task<TResponse> Logged<TResponse>(ServerCallContext context, Func<Task<TResponse>> call)
    {
        var requestId = LogSafe.RequestId(context.RequestHeaders.GetValue("x-request-id"));
        // Set on the HTTP response rather than written early: writing headers first would fix a JSON error's status at 200.
        context.GetHttpContext().Response.Headers["x-request-id"] = requestId;
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            Ended(context.Method, requestId, StatusCode.OK, start);
            return response;
        }
        catch (RpcException e)
        {
            Ended(context.Method, requestId, e.StatusCode, start, FieldsAtFault(e));
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            Ended(context.Method, requestId, StatusCode.Cancelled, start);
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled or its deadline passed"));
        }
    }

    /// <summary>The field names of an INVALID_ARGUMENT's violations (the service's own names, never the caller's values).</summary>
    private static string? FieldsAtFault(RpcException e)
    {
        if (e.StatusCode != StatusCode.InvalidArgument || e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>() is not { } badRequest)
        {
            return null;
        }

        return string.Join(",", badRequest.FieldViolations.Select(v => LogSafe.IsIdentifier(v.Field) ? v.Field : "?").Distinct());
    }

    private void Ended(string method, string requestId, StatusCode status, long start, string? fields = null)
    {
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (fields is null)
        {
            LogCall(logger, method, requestId, status, elapsed.TotalMilliseconds);
        }
        else
        {
            LogInvalidCall(logger, method, requestId, status, elapsed.TotalMilliseconds, fields);
        }

        // The method's short name and the status code: a bounded set of labels.
        metrics.Call(method[(method.LastIndexOf('/') + 1)..], status.ToString(), elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {RequestId} {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void LogCall(ILogger logger, string method, string requestId, StatusCode statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {RequestId} {StatusCode} in {ElapsedMs:F1} ms; fields {Fields}")]
    private static partial void LogInvalidCall(ILogger logger, string method, string requestId, StatusCode statusCode, double elapsedMs, string fields);
}
