using System.Text.Json;
using ImrPredict.ML.Data;

namespace ImrPredict.ML.Evaluation;

/// <summary>The best ROC-AUC any model could reach on a generated corpus: its true probabilities against its labels.</summary>
public static class OracleAuc
{
    /// <summary>
    /// Reads <c>truth.jsonl</c> in the data folders (or their parents) and scores the matching rows; null when no
    /// truth file is found or it covers no row.
    /// </summary>
    public static double? FromTruthFiles(IEnumerable<string> dataPaths, IReadOnlyList<ItemRow> rows)
    {
        var truth = new Dictionary<(string, int), double>();
        foreach (var path in dataPaths)
        {
            var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var file = new[] { Path.Combine(folder, "truth.jsonl"), Path.Combine(folder, "..", "truth.jsonl") }.FirstOrDefault(File.Exists);
            if (file is null)
            {
                continue;
            }

            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                truth[(root.GetProperty("letterId").GetString()!, root.GetProperty("itemIndex").GetInt32())] = root.GetProperty("pOverturned").GetDouble();
            }
        }

        var scores = new List<double>();
        var labels = new List<bool>();
        foreach (var row in rows)
        {
            if (truth.TryGetValue((row.LetterId, (int)row.ItemIndex), out var p))
            {
                scores.Add(p);
                labels.Add(row.Label);
            }
        }

        return scores.Count == 0 ? null : BinaryMetrics.RocAucOf(scores, labels);
    }
}
