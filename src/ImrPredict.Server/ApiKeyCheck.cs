using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>
/// Checks the <c>x-api-key</c> header on every call whose endpoint carries <see cref="AdminCallAttribute"/>, in constant
/// time; every other call passes. gRPC and JSON calls go through the same check.
/// </summary>
public sealed class ApiKeyCheck(IOptions<ImrPredictOptions> options) : Interceptor
{
    /// <summary>The header that carries the key.</summary>
    public const string Header = "x-api-key";

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        if (context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<AdminCallAttribute>() is null)
        {
            return;
        }

        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            throw ErrorStatus.Failed(Google.Rpc.Code.Unauthenticated, "this call needs an API key and none is configured on the server (ImrPredict:ApiKey)");
        }

        var given = context.RequestHeaders.GetValue(Header) ?? string.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            throw ErrorStatus.Failed(Google.Rpc.Code.Unauthenticated, given.Length == 0 ? $"the {Header} header is missing" : $"the {Header} header is wrong");
        }
    }
}
