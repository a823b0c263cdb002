using System.Diagnostics.CodeAnalysis;

namespace ImrPredict.Core.Results;

/// <summary>
/// Either a value or an <see cref="Error{TCode}"/>, never an exception for bad input (NodaTime's <c>ParseResult</c> is the model).
/// Every library returns this type with its own code enum; transports map the codes in one place.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <typeparam name="TCode">The library's error code enum.</typeparam>
public readonly struct Result<T, TCode>
    where TCode : struct, Enum
{
    private readonly T? _value;

    private Result(T? value, Error<TCode>? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when the operation failed.</summary>
    public Error<TCode>? Error { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The value; throws when the operation failed, so check <see cref="Success"/> first.</summary>
    public T Value => Error is null
        ? _value!
        : throw new InvalidOperationException($"The operation failed ({Error}); check Success before reading Value.");

    /// <summary>Gets the value when the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>A successful result.</summary>
    public static Result<T, TCode> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static Result<T, TCode> Fail(TCode code, string message, string? field = null) => new(default, new Error<TCode>(code, message, field));

    /// <summary>A failed result carrying an existing error.</summary>
    public static Result<T, TCode> Fail(Error<TCode> error) => new(default, error);

    /// <summary>The same failure as a result of another value type.</summary>
    public Result<TOther, TCode> FailAs<TOther>() => Result<TOther, TCode>.Fail(Error ?? throw new InvalidOperationException("The result succeeded."));

    /// <summary>Converts a value into a successful result.</summary>
    public static implicit operator Result<T, TCode>(T value) => Ok(value);

    /// <summary>Converts an error into a failed result.</summary>
    public static implicit operator Result<T, TCode>(Error<TCode> error) => Fail(error);
}
