using System.Diagnostics.Metrics;
using ImrPredict.Core.Letters;

namespace ImrPredict.Application.Telemetry;

/// <summary>
/// The service's own instruments (meter <c>ImrPredict</c>): calls by method and status, predictions by decision with a
/// histogram of the probability, letters added and refused, model loads. Gauges of state (serving model, precedents,
/// index lag) are observed by <see cref="ServiceGauges"/>. Labels are method names, codes, decisions and versions only.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>Bucket bounds of the probability histogram: tenths, finer near the usual threshold.</summary>
    public static IReadOnlyList<double> ProbabilityBuckets { get; } = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Bucket bounds of the call duration histogram, in seconds.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _predictions;
    private readonly Histogram<double> _probability;
    private readonly Counter<long> _lettersAdded;
    private readonly Counter<long> _lettersRefused;
    private readonly Counter<long> _callsLimited;
    private readonly Counter<long> _modelLoads;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public ServiceMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(ServiceActivities.SourceName);
        _callDuration = Meter.CreateHistogram("imrpredict.rpc.duration", "s", "Calls by method and gRPC status, and how long they took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _predictions = Meter.CreateCounter<long>("imrpredict.predictions", "{item}", "Items scored, by the decision at the bundle's threshold");
        _probability = Meter.CreateHistogram("imrpredict.prediction.probability", "1", "The probability of Overturned of every item scored",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ProbabilityBuckets });
        _lettersAdded = Meter.CreateCounter<long>("imrpredict.letters.added", "{letter}", "Decided letters kept in the store, by outcome");
        _lettersRefused = Meter.CreateCounter<long>("imrpredict.letters.refused", "{letter}", "Letters the parser refused, by error code");
        _callsLimited = Meter.CreateCounter<long>("imrpredict.rpc.limited", "{call}", "Calls refused by a rate or concurrency limit, by method");
        _modelLoads = Meter.CreateCounter<long>("imrpredict.model.loads", "{load}", "Bundle loads, by outcome (loaded or refused)");
    }

    /// <summary>The meter, for gauges observed elsewhere.</summary>
    public Meter Meter { get; }

    /// <summary>One call ended.</summary>
    public void Call(string method, string status, double seconds) =>
        _callDuration.Record(seconds, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status));

    /// <summary>One item scored.</summary>
    public void Prediction(Decision decision, double probability)
    {
        _predictions.Add(1, new KeyValuePair<string, object?>("decision", decision.ToString()));
        _probability.Record(probability);
    }

    /// <summary>Letters kept by the store, by outcome (Added, Replaced, Unchanged).</summary>
    public void LettersAdded(string outcome, int count) => _lettersAdded.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A letter refused, by the parser's error code.</summary>
    public void LetterRefused(string code) => _lettersRefused.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>A call refused by a limit.</summary>
    public void Limited(string method) => _callsLimited.Add(1, new KeyValuePair<string, object?>("method", method));

    /// <summary>A bundle load, loaded or refused.</summary>
    public void ModelLoad(bool loaded) => _modelLoads.Add(1, new KeyValuePair<string, object?>("outcome", loaded ? "loaded" : "refused"));
}
