using ImrPredict.Application.Security;
using ImrPredict.Store.Audit;

namespace ImrPredict.Training.Commands;

/// <summary>
/// Access and its trail: <c>imr apikey</c> makes an API key for a script or job and prints the hash the service's settings
/// keep; <c>imr audit</c> reads the audit trail of the service's store (the SQLite file under <c>--data-dir</c>, or
/// PostgreSQL when <c>ConnectionStrings__Determinations</c> is set).
/// </summary>
internal static class SecurityCommands
{
    private static readonly string[] Roles = ["reader", "triage", "admin"];

    public static Command ApiKey()
    {
        var name = new Option<string>("--name") { Description = "The key's name: audit records show it as key:{name}.", Required = true };
        var role = new Option<string>("--role") { Description = "reader, triage or admin.", DefaultValueFactory = _ => "reader" };
        role.AcceptOnlyFromAmong(Roles);
        var command = new Command("apikey", "Make a new API key: the key is printed once, the service keeps only its hash.") { name, role };
        command.SetAction(result =>
        {
            var keyName = result.GetRequiredValue(name);
            if (keyName.Length == 0 || keyName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                Console.Error.WriteLine("imr apikey: --name must be a word without spaces (say nightly-retrain)");
                return 1;
            }

            var key = ApiKeyHash.NewKey();
            var hash = ApiKeyHash.Of(key);
            var keyRole = result.GetRequiredValue(role);
            Console.WriteLine($"key:  {key}");
            Console.WriteLine("      give it to the script that calls (x-api-key header); it is not shown again and the service does not keep it");
            Console.WriteLine($"hash: {hash}");
            Console.WriteLine();
            Console.WriteLine("Add to the service's settings (appsettings.json, ImrPredict:Auth:ApiKeys), the next free index for K:");
            Console.WriteLine(JsonSerializer.Serialize(new { Name = keyName, Role = keyRole, Hash = hash }));
            Console.WriteLine("or as environment variables:");
            Console.WriteLine($"ImrPredict__Auth__ApiKeys__K__Name={keyName}");
            Console.WriteLine($"ImrPredict__Auth__ApiKeys__K__Role={keyRole}");
            Console.WriteLine($"ImrPredict__Auth__ApiKeys__K__Hash={hash}");
            return 0;
        });
        return command;
    }

    public static Command Audit()
    {
        var since = new Option<string?>("--since") { Description = "Records from this time on: a date or time (2026-12-01, 2026-12-01T08:00Z) or an age (24h, 7d)." };
        var subject = new Option<string?>("--subject") { Description = "Only this caller's records (a token's sub, or key:{name})." };
        var letter = new Option<string?>("--letter") { Description = "Only records that returned or changed this letter (or one of its items)." };
        var max = new Option<int>("--max") { Description = "At most this many records, newest first.", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table." };
        var dataDirectory = StoreOptions.DataDirectory();
        var command = new Command("audit", "Read the audit trail: who read or changed which letters, when, and how it ended.") { since, subject, letter, max, json, dataDirectory };
        command.SetAction(result =>
        {
            var from = result.GetValue(since);
            DateTimeOffset? start = null;
            if (from is not null)
            {
                if (ParseSince(from, DateTimeOffset.UtcNow) is not { } parsed)
                {
                    Console.Error.WriteLine($"imr audit: --since '{from}' is neither a date, a time nor an age like 24h or 7d");
                    return 1;
                }

                start = parsed;
            }

            var folder = result.GetRequiredValue(dataDirectory).FullName;
            var connectionString = Environment.GetEnvironmentVariable(StoreLocation.ConnectionStringVariable);
            if (string.IsNullOrWhiteSpace(connectionString) && !File.Exists(Path.Combine(folder, StoreLocation.SqliteFile)))
            {
                Console.Error.WriteLine($"imr audit: no store at {Path.Combine(folder, StoreLocation.SqliteFile)} (give the service's --data-dir, or set {StoreLocation.ConnectionStringVariable})");
                return 1;
            }

            var opened = SqlAuditLog.Open(folder, connectionString);
            if (!opened.TryGetValue(out var log))
            {
                Console.Error.WriteLine($"imr audit: {opened.Error.Message}");
                return 1;
            }

            using (log)
            {
                var read = log.Read(new AuditQuery(start, result.GetValue(subject), result.GetValue(letter), Math.Max(1, result.GetValue(max))));
                if (!read.TryGetValue(out var records))
                {
                    Console.Error.WriteLine($"imr audit: {read.Error.Message}");
                    return 1;
                }

                Write(records, result.GetValue(json));
                return 0;
            }
        });
        return command;
    }

    /// <summary>A time from <c>--since</c>: an age before <paramref name="now"/> (<c>90m</c>, <c>24h</c>, <c>7d</c>) or a date or time (UTC unless it says).</summary>
    public static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            TimeSpan? age = char.ToLowerInvariant(text[^1]) switch { 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), 'd' => TimeSpan.FromDays(amount), _ => null };
            if (age is { } span)
            {
                return now - span;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }

    private static void Write(IReadOnlyList<AuditRecord> records, bool json)
    {
        if (json)
        {
            foreach (var record in records)
            {
                Console.WriteLine(JsonSerializer.Serialize(record, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            }

            return;
        }

        Console.WriteLine($"{"time (UTC)",-20} {"subject",-24} {"role",-7} {"action",-20} {"outcome",-17} letters");
        foreach (var record in records)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{record.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} {Clip(record.Subject, 24),-24} {record.Role,-7} {record.Action,-20} {record.Outcome,-17} {string.Join(" ", record.LetterIds.Take(5))}{(record.LetterIds.Count > 5 ? $" (+{record.LetterIds.Count - 5})" : string.Empty)}"));
        }

        Console.WriteLine($"{records.Count} records");
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
