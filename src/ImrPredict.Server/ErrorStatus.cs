using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ImrPredict.Application;
using ImrPredict.Core.Results;

namespace ImrPredict.Server;

/// <summary>
/// The one table from error codes to gRPC statuses, and the one way errors leave the service: INVALID_ARGUMENT carries
/// <see cref="BadRequest"/> field details (as grpc-dotnet's error example does); JSON transcoding turns the status into
/// its HTTP code.
/// </summary>
public static class ErrorStatus
{
    /// <summary>The status of each application error code.</summary>
    public static IReadOnlyDictionary<ApplicationErrorCode, Code> Table { get; } = new Dictionary<ApplicationErrorCode, Code>
    {
        [ApplicationErrorCode.InvalidArgument] = Code.InvalidArgument,
        [ApplicationErrorCode.LetterUnreadable] = Code.InvalidArgument,
        // No model yet (loading at start, or none could be loaded) is this replica's state: a client retries on another replica.
        [ApplicationErrorCode.NoModel] = Code.Unavailable,
        [ApplicationErrorCode.StoreUnavailable] = Code.Unavailable,
        [ApplicationErrorCode.StoreWriteFailed] = Code.Unavailable,
        [ApplicationErrorCode.BundleRefused] = Code.FailedPrecondition,
        [ApplicationErrorCode.NotFound] = Code.NotFound,
        [ApplicationErrorCode.IndexUnavailable] = Code.Unavailable,
    };

    /// <summary>The exception that answers the call with <paramref name="error"/>'s status.</summary>
    public static RpcException ToRpcException(Error<ApplicationErrorCode> error)
    {
        var code = Table.TryGetValue(error.Code, out var mapped) ? mapped : Code.Internal;
        if (code != Code.InvalidArgument)
        {
            return Failed(code, error.Message);
        }

        return Invalid(error.Violations.Count > 0
            ? error.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }).ToList()
            : [new BadRequest.Types.FieldViolation { Field = error.Field ?? "request", Description = error.Message }]);
    }

    /// <summary>INVALID_ARGUMENT with every field violation in its details.</summary>
    public static RpcException Invalid(IReadOnlyCollection<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest { FieldViolations = { violations } };
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"invalid request: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>A status without details.</summary>
    public static RpcException Failed(Code code, string message) => new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();

    /// <summary>The value, or the call ends with the error's status.</summary>
    public static T ValueOrThrow<T>(this Result<T, ApplicationErrorCode> result) =>
        result.TryGetValue(out var value) ? value : throw ToRpcException(result.Error);
}
