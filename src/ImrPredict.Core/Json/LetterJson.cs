using System.Text.Json;
using System.Text.Json.Serialization;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Json;

/// <summary>Shared JSON settings: camelCase, enums as strings, dates as yyyy-MM-dd.</summary>
public static class LetterJson
{
    /// <summary>Options for one-object-per-line output.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>Serializes a parsed letter as one line (no trailing newline).</summary>
    public static string Serialize(LetterJsonLine line) => JsonSerializer.Serialize(line, Options);

    /// <summary>Serializes an error line (no trailing newline).</summary>
    public static string Serialize(LetterErrorJsonLine line) => JsonSerializer.Serialize(line, Options);

    /// <summary>The JSON line for the result of reading one source.</summary>
    public static string Line(string source, Result<ImrLetter, ParseErrorCode> result) => result.TryGetValue(out var letter)
        ? Serialize(LetterJsonLine.From(source, letter))
        : Serialize(LetterErrorJsonLine.From(source, result.Error!));
}
