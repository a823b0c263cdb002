namespace ImrPredict.Application.Telemetry;

/// <summary>
/// What a caller sends that may reach a log line: request ids and letter ids. Logs never hold clinical text, so a value
/// is logged only when it looks like an identifier (letters, digits and <c>._:#/-</c>, at most 64 characters); anything
/// else, which could carry text or forge log lines, is replaced rather than echoed.
/// </summary>
public static class LogSafe
{
    /// <summary>The longest identifier logged or echoed.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="value"/> is a plain identifier, safe to log and echo.</summary>
    public static bool IsIdentifier(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '#' or '/' or '-');

    /// <summary>The caller's request id when it is a plain identifier, else a new one (the caller's is not echoed either).</summary>
    public static string RequestId(string? given) => IsIdentifier(given) ? given! : Guid.NewGuid().ToString("N");

    /// <summary>An identifier as logged: itself, or a note of its length when it is not a plain identifier.</summary>
    public static string Identifier(string? value) => IsIdentifier(value) ? value! : $"(not an identifier: {value?.Length ?? 0} characters, not logged)";
}
