using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ImrPredict.Server;

/// <summary>Collects field violations and throws INVALID_ARGUMENT with <see cref="BadRequest"/> details, as grpc-dotnet's error example does.</summary>
internal sealed class RequestValidation
{
    private readonly BadRequest _badRequest = new();

    public void Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            _badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
    }

    /// <summary>Parses an optional yyyy-MM-dd date; records a violation for anything else.</summary>
    public DateOnly? Date(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Require(false, field, $"'{Shorten(value)}' is not a date in yyyy-MM-dd form");
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (_badRequest.FieldViolations.Count == 0)
        {
            return;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"invalid request: {string.Join("; ", _badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"))}",
            Details = { Any.Pack(_badRequest) },
        };
        throw status.ToRpcException();
    }

    public static RpcException Failed(Code code, string message) => new Google.Rpc.Status { Code = (int)code, Message = message }.ToRpcException();

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
