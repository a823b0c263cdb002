using System.Diagnostics;
using ImrPredict.Core.Results;

namespace ImrPredict.Application.Telemetry;

/// <summary>
/// The service's trace spans: parse, featurize, predict, search and store, each a child of the call's server span.
/// Attributes are counts, codes and versions only: never a summary, an item, a query or a letter's text.
/// </summary>
public static class ServiceActivities
{
    /// <summary>The name of the activity source (and of the meter, see <see cref="ServiceMetrics"/>).</summary>
    public const string SourceName = "ImrPredict";

    /// <summary>The source every span of the service starts from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Reading a letter (PDF or text) into its parts.</summary>
    public static Activity? Parse(int bytes) => Source.StartActivity("imr.parse")?.SetTag("imr.letter.bytes", bytes);

    /// <summary>Turning a case into model rows.</summary>
    public static Activity? Featurize(int items) => Source.StartActivity("imr.featurize")?.SetTag("imr.items", items);

    /// <summary>Scoring rows with the serving model.</summary>
    public static Activity? Predict(int items, string bundleVersion) =>
        Source.StartActivity("imr.predict")?.SetTag("imr.items", items).SetTag("imr.bundle.version", bundleVersion);

    /// <summary>A precedent search (by text, by case, or reading one precedent).</summary>
    public static Activity? Search(string kind) => Source.StartActivity("imr.search")?.SetTag("imr.search.kind", kind);

    /// <summary>A call to the letter store.</summary>
    public static Activity? Store(string operation, int letters = 0) =>
        Source.StartActivity("imr.store")?.SetTag("imr.store.operation", operation).SetTag("imr.letters", letters);

    /// <summary>
    /// Runs <paramref name="call"/> inside <paramref name="span"/>, ends the span, and marks it failed with the result's error
    /// code when the call failed.
    /// </summary>
    public static Result<T, TCode> Traced<T, TCode>(this Activity? span, Func<Result<T, TCode>> call)
        where TCode : struct, Enum
    {
        using (span)
        {
            var result = call();
            if (!result.Success)
            {
                span.Failed(result.Error.Code.ToString());
            }

            return result;
        }
    }

    /// <summary>Marks the span failed with an error code (never the message, which may quote input).</summary>
    public static void Failed(this Activity? activity, string code) => activity?.SetStatus(ActivityStatusCode.Error, code).SetTag("imr.error.code", code);
}
