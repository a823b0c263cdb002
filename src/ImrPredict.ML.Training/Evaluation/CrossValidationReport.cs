using System.Globalization;
using System.Text;

namespace ImrPredict.ML.Training.Evaluation;

/// <summary>The figures of a repeated grouped cross-validation as text: the console table and <c>report.md</c>.</summary>
public static class CrossValidationReport
{
    /// <summary>The report in Markdown: what the figures rest on, every candidate overall, then per category.</summary>
    public static string Markdown(string title, IReadOnlyList<string> notes, IReadOnlyList<CandidateFigures> overall,
        IReadOnlyList<(string Category, IReadOnlyList<CandidateFigures> Figures)> byCategory)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        text.AppendLine().AppendLine("## All items").AppendLine();
        Table(text, overall);
        foreach (var (category, figures) in byCategory)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {category}: {figures[0].Items} items, {figures[0].Overturned} overturned").AppendLine();
            Table(text, figures);
        }

        return text.ToString();
    }

    /// <summary>One line per candidate for the console.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<CandidateFigures> figures) =>
        figures.Select(f => $"  {f.Name,-50} ROC-AUC {f.RocAuc.Format()}  PR-AUC {f.PrAuc.Format()}  top10% {f.Top10Recall.Format("P0")}  Brier {f.Brier.Value:F3}  ECE {f.Ece.Value:F3}{Spread(f)}");

    private static void Table(StringBuilder text, IReadOnlyList<CandidateFigures> figures)
    {
        text.AppendLine("| Model | ROC-AUC | PR-AUC | Top-10% recall | Brier | ECE | ROC-AUC by repeat |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {f.RocAuc.Format()} | {f.PrAuc.Format()} | {f.Top10Recall.Format("P0")} | {f.Brier.Format()} | {f.Ece.Format()} | {string.Join(", ", f.RocAucPerRepeat.Select(a => a.ToString("F3", CultureInfo.InvariantCulture)))} |");
        }
    }

    private static string Spread(CandidateFigures f) =>
        f.RocAucPerRepeat.Count > 1 ? $"  (repeats {f.RocAucPerRepeat.Min():F3}-{f.RocAucPerRepeat.Max():F3})" : string.Empty;
}
