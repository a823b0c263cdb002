using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.Core.Results;

namespace ImrPredict.ML.Data;

/// <summary>Reads letter folders in parallel into model rows.</summary>
public static class LetterLoader
{
    /// <summary>Parses every letter under <paramref name="paths"/>; rows come out in file order whatever the parallelism.</summary>
    public static LoadedLetters Load(IEnumerable<string> paths, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = LetterReader.EnumerateLetterFiles(paths).ToArray();
        var results = new Result<ImrLetter, ParseErrorCode>[files.Length];
        var done = 0;
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            results[i] = LetterReader.ReadFile(files[i]);
            var finished = Interlocked.Increment(ref done);
            if (finished % 1000 == 0 || finished == files.Length)
            {
                progress?.Report((finished, files.Length));
            }
        });

        var rows = new List<ItemRow>();
        var parsed = new List<ImrLetter>();
        var failures = new List<LetterFailure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            if (results[i].TryGetValue(out var letter))
            {
                // The same letter in two forms or folders must not count twice, or it could sit on both sides of a split.
                if (seen.Add(letter.LetterId))
                {
                    rows.AddRange(ItemRows.From(letter));
                    parsed.Add(letter);
                }
            }
            else
            {
                failures.Add(new LetterFailure(files[i], results[i].Error!));
            }
        }

        return new LoadedLetters(rows, parsed, failures);
    }
}
