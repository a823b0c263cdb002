using ImrPredict.Core.Results;
using ImrPredict.Search;
using ImrPredict.Search.Evaluation;

namespace ImrPredict.Training;

/// <summary>Reads the paraphrase set of <c>imr evaluate-search</c> (<c>search-paraphrases.json</c>: an object with <c>pairs</c>).</summary>
internal static class ParaphraseSet
{
    public const string DefaultFile = "search-paraphrases.json";

    public static Result<IReadOnlyList<Paraphrase>, SearchErrorCode> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var file = JsonSerializer.Deserialize<SetFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            var pairs = file?.Pairs ?? [];
            if (pairs.Count == 0 || pairs.Any(p => string.IsNullOrWhiteSpace(p.Query) || string.IsNullOrWhiteSpace(p.Case) || string.IsNullOrWhiteSpace(p.Item)))
            {
                return Result<IReadOnlyList<Paraphrase>, SearchErrorCode>.Fail(SearchErrorCode.InvalidArgument, $"the paraphrase set '{path}' has no pairs, or a pair without query, case or item");
            }

            return pairs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return Result<IReadOnlyList<Paraphrase>, SearchErrorCode>.Fail(SearchErrorCode.InvalidArgument, $"the paraphrase set '{path}' cannot be read: {e.Message}");
        }
    }

    private sealed record SetFile(List<Paraphrase> Pairs);
}
