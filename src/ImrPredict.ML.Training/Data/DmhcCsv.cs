using System.Globalization;
using System.Text;
using System.Text.Json;
using ImrPredict.Core.Results;

namespace ImrPredict.ML.Data;

/// <summary>Reads the DMHC IMR export: the old structured CSV and the current export (CSV or JSON Lines).</summary>
public static class DmhcCsv
{
    /// <summary>Reads an export; <paramref name="years"/> keeps only report years in the range.</summary>
    public static Result<DmhcData, DmhcErrorCode> Read(string path, Bundles.YearRange? years = null)
    {
        if (!File.Exists(path))
        {
            return Result<DmhcData, DmhcErrorCode>.Fail(DmhcErrorCode.Missing, $"no DMHC export at '{path}'");
        }

        List<Dictionary<string, string>> records;
        try
        {
            records = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? ReadJsonLines(path) : ReadCsv(path);
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException)
        {
            return Result<DmhcData, DmhcErrorCode>.Fail(DmhcErrorCode.Unreadable, $"'{path}' cannot be read as a DMHC export: {e.Message}");
        }

        if (records.Count == 0)
        {
            return Result<DmhcData, DmhcErrorCode>.Fail(DmhcErrorCode.Empty, $"'{path}' holds no rows");
        }

        var first = records[0];
        string[] needed = ["determination", "treatmentcategory", "diagnosiscategory"];
        var absent = needed.Where(k => !first.ContainsKey(k)).ToList();
        if (absent.Count > 0)
        {
            return Result<DmhcData, DmhcErrorCode>.Fail(DmhcErrorCode.MissingColumns, $"'{path}' lacks the DMHC columns {string.Join(", ", absent)} (columns found: {string.Join(", ", first.Keys)})");
        }

        var rows = new List<DmhcRow>(records.Count);
        var skipped = 0;
        foreach (var record in records)
        {
            var determination = Get(record, "determination");
            var label = determination.StartsWith("Overturned", StringComparison.OrdinalIgnoreCase) ? true
                : determination.StartsWith("Upheld", StringComparison.OrdinalIgnoreCase) ? (bool?)false : null;
            _ = int.TryParse(Get(record, "reportyear"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year);
            if (label is null || (years is { } range && (year < range.From || year > range.To)))
            {
                skipped += label is null ? 1 : 0;
                continue;
            }

            var row = new DmhcRow
            {
                ReferenceId = Get(record, "referenceid"),
                ReportYear = year,
                Label = label.Value,
                DiagnosisCategory = Get(record, "diagnosiscategory"),
                DiagnosisSubCategory = Get(record, "diagnosissubcategory"),
                TreatmentCategory = Get(record, "treatmentcategory"),
                TreatmentSubCategory = Get(record, "treatmentsubcategory"),
                Type = Get(record, "type"),
                AgeRange = NormalizeAge(Get(record, "agerange")),
                Gender = Get(record, "patientgender"),
                Findings = Get(record, "findings"),
            };
            rows.Add(row);
        }

        return new DmhcData(rows, rows.Any(r => r.Findings.Length > 0), skipped);
    }

    private static string Get(Dictionary<string, string> record, string key) => record.TryGetValue(key, out var value) ? value.Trim() : string.Empty;

    private static string NormalizeAge(string value) => value.Replace(" to ", "-", StringComparison.OrdinalIgnoreCase).Replace('_', '-');

    private static string Key(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static List<Dictionary<string, string>> ReadJsonLines(string path)
    {
        var records = new List<Dictionary<string, string>>();
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            records.Add(document.RootElement.EnumerateObject().ToDictionary(p => Key(p.Name), p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.ToString()));
        }

        return records;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (var fields in CsvRecords(reader))
        {
            if (header is null)
            {
                header = fields.Select(Key).ToArray();
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var record = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++)
            {
                record[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<List<string>> CsvRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
