namespace ImrPredict.Server;

/// <summary>
/// Per-call limits (section <c>ImrPredict:CallLimits</c>, e.g. <c>ImrPredict__CallLimits__RankCases__Concurrency</c>): the
/// calls that cost seconds of CPU each. Cheap calls (Predict, searches, model info) are not limited: one replica serves
/// thousands a second. The defaults keep a two-core replica responsive under a burst of triage or ingest work.
/// </summary>
public sealed class CallLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict:CallLimits";

    /// <summary><c>RankCases</c> and <c>RankCasesStream</c> (up to 10,000 cases each), counted together.</summary>
    public CallLimit RankCases { get; set; } = new() { PermitsPerSecond = 20, Burst = 40, Concurrency = 4, QueueLength = 16 };

    /// <summary><c>PredictLetter</c> given PDF bytes (text extraction, OCR of scans); a letter given as text is not limited.</summary>
    public CallLimit PredictLetterPdf { get; set; } = new() { PermitsPerSecond = 20, Burst = 40, Concurrency = 2, QueueLength = 32 };

    /// <summary><c>AddDeterminations</c> (up to 1,000 letters parsed and committed each).</summary>
    public CallLimit AddDeterminations { get; set; } = new() { PermitsPerSecond = 20, Burst = 40, Concurrency = 2, QueueLength = 16 };

    /// <summary>Each limited call by the name it is configured under.</summary>
    public IReadOnlyDictionary<string, CallLimit> ByName() => new Dictionary<string, CallLimit>(StringComparer.Ordinal)
    {
        [nameof(RankCases)] = RankCases,
        [nameof(PredictLetterPdf)] = PredictLetterPdf,
        [nameof(AddDeterminations)] = AddDeterminations,
    };
}
