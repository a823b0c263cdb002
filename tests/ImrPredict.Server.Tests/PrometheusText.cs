using System.Globalization;
using System.Text.RegularExpressions;

namespace ImrPredict.Server.Tests;

/// <summary>A scrape of <c>/metrics</c> (Prometheus text format) read into series: name, labels, value.</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> series)
    {
        Text = text;
        Series = series;
    }

    /// <summary>The scrape as served.</summary>
    public string Text { get; }

    /// <summary>Every sample line.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Series { get; }

    /// <summary>Reads a scrape; a line that is neither a comment nor a sample fails the test.</summary>
    public static PrometheusText Parse(string text)
    {
        var series = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            series.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return new PrometheusText(text, series);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every pair in <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Series.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>Whether any sample is named <paramref name="name"/>.</summary>
    public bool Has(string name) => Series.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[-+0-9.eE]+|NaN|\+Inf|-Inf)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
