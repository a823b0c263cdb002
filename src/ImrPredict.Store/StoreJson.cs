using System.Text.Json;
using ImrPredict.Core.Json;
using ImrPredict.Core.Letters;

namespace ImrPredict.Store;

/// <summary>How the store writes a parsed letter: the records as JSON, enums by name, so a row reads back as the same letter.</summary>
internal static class StoreJson
{
    public static string Serialize(ImrLetter letter) => JsonSerializer.Serialize(letter, LetterJson.Options);

    public static ImrLetter Deserialize(string json) =>
        JsonSerializer.Deserialize<ImrLetter>(json, LetterJson.Options) ?? throw new JsonException("a stored letter is null");
}
