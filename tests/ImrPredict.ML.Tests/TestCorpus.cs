using ImrPredict.Core.Parsing;
using ImrPredict.Synthetic;

namespace ImrPredict.ML.Tests;

/// <summary>Small generated corpora, parsed through the real parser, shared by the tests.</summary>
internal static class TestCorpus
{
    private static readonly Lazy<IReadOnlyList<ImrLetter>> LettersCache = new(() => Letters(seed: 42, count: 2400));

    /// <summary>2,400 generated letters (about 5,500 items), parsed from their markdown form.</summary>
    public static IReadOnlyList<ImrLetter> Shared => LettersCache.Value;

    public static IReadOnlyList<ItemRow> SharedRows => Shared.SelectMany(ItemRows.From).ToList();

    public static IReadOnlyList<ImrLetter> Letters(long seed, int count)
    {
        var generator = new LetterGenerator(seed);
        return Enumerable.Range(0, count)
            .Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value)
            .ToList();
    }
}
