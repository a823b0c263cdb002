using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ImrPredict.Application.Telemetry;
using ImrPredict.Server.Security;
using ImrPredict.Server.V1;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>
/// Applies <see cref="CallLimiters"/> to the expensive calls: a call over its limit ends with <c>RESOURCE_EXHAUSTED</c>
/// (HTTP 429 in JSON) and a <c>Retry-After</c> header in whole seconds, before any work is done.
/// </summary>
public sealed class CallLimits(CallLimiters limiters, ServiceMetrics metrics, IOptions<AuthOptions> auth) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = await Admit(LimitName(context.Method, request), context);
        return await continuation(request, context);
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = await Admit(LimitName(context.Method, null), context);
        return await continuation(requestStream, context);
    }

    /// <summary>The limit a call counts against, or null for calls that are not limited.</summary>
    public static string? LimitName(string method, object? request) => method[(method.LastIndexOf('/') + 1)..] switch
    {
        "RankCases" or "RankCasesStream" => nameof(CallLimitOptions.RankCases),
        "PredictLetter" when request is PredictLetterRequest { LetterCase: PredictLetterRequest.LetterOneofCase.Pdf } => nameof(CallLimitOptions.PredictLetterPdf),
        "AddDeterminations" => nameof(CallLimitOptions.AddDeterminations),
        _ => null,
    };

    private async Task<IDisposable?> Admit(string? name, ServerCallContext context)
    {
        if (name is null)
        {
            return null;
        }

        var subject = Caller.Of(context.GetHttpContext(), auth.Value).Subject;
        var (lease, retryAfter) = await limiters.AdmitAsync(name, subject, context.CancellationToken);
        if (retryAfter is not { } wait)
        {
            return lease;
        }

        metrics.Limited(name);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // On the HTTP response: gRPC sends it with the status (a trailers-only answer), JSON as a header of the 429.
        context.GetHttpContext().Response.Headers.RetryAfter = seconds;
        throw ErrorStatus.Failed(Google.Rpc.Code.ResourceExhausted, $"{name} is at its limit on this replica for {subject}; retry after {seconds} s");
    }
}
