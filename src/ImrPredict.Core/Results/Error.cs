namespace ImrPredict.Core.Results;

/// <summary>A precise reason something failed: a code from the library's own enum, a message and, when an input field is at fault, its name.</summary>
/// <typeparam name="TCode">The library's error code enum.</typeparam>
/// <param name="Code">The kind of problem; stable names, they appear in JSON output and API errors.</param>
/// <param name="Message">What is wrong, naming the part of the input concerned.</param>
/// <param name="Field">The input field at fault, when one is.</param>
public sealed record Error<TCode>(TCode Code, string Message, string? Field = null) : IError
    where TCode : struct, Enum
{
    Enum IError.Code => Code;

    /// <summary>
    /// Every invalid input field when a request has several, so a caller hears of all of them at once (<see cref="Field"/>
    /// and <see cref="Message"/> then name the first); empty otherwise.
    /// </summary>
    public IReadOnlyList<FieldViolation> Violations { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";
}
