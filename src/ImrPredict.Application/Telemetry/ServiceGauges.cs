using System.Diagnostics.Metrics;
using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;

namespace ImrPredict.Application.Telemetry;

/// <summary>
/// Gauges read at each scrape: the serving bundle (its version as a label, the time it was loaded as the value), the
/// precedents this replica's index holds, how many store changes the index has not applied yet, and the audit records
/// not yet written.
/// </summary>
public sealed class ServiceGauges
{
    /// <summary>Registers the gauges on <paramref name="metrics"/>' meter.</summary>
    public ServiceGauges(ServiceMetrics metrics, IServingModels models, PrecedentView precedents, LetterStoreHost stores, Audit.AuditTrail audit,
        Precedents.PrecedentVectors vectors)
    {
        metrics.Meter.CreateObservableGauge("imrpredict.embedding.embedded", () => Observed(() => [new Measurement<long>(vectors.Embedded)]), "{item}",
            "Precedents of this replica with a sentence embedding (search by meaning)");
        metrics.Meter.CreateObservableGauge("imrpredict.embedding.pending", () => Observed(() => [new Measurement<long>(vectors.Pending)]), "{item}",
            "Precedents of this replica still waiting for their embedding: searches are answered by their words until none waits");
        metrics.Meter.CreateObservableCounter("imrpredict.embedding.computed", () => vectors.EmbeddedHere, "{item}",
            "Precedents this replica embedded itself since it started (the others' vectors were read from the store)");
        metrics.Meter.CreateObservableGauge("imrpredict.audit.pending", () => audit.Pending, "{record}",
            "Audit records queued on this replica and not yet in the store (growing: the store refuses them; they are retried)");
        metrics.Meter.CreateObservableGauge("imrpredict.model.load_time", () => models.Current is { } model
                ? [new Measurement<double>(model.LoadedUtc.ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("bundle_version", model.Manifest.BundleVersion))]
                : Array.Empty<Measurement<double>>(),
            "s", "When the serving bundle was loaded (Unix time), labelled with its version");
        metrics.Meter.CreateObservableGauge("imrpredict.precedents", () => Observed(() => [new Measurement<long>(precedents.Count)]), "{item}",
            "Decided items this replica's precedent index holds (absent while it is being replaced)");
        metrics.Meter.CreateObservableGauge("imrpredict.index.lag", () => Observed(() => IndexLag(precedents, stores)), "{change}",
            "Store changes this replica's index has not applied yet (absent while the store is unavailable)");
    }

    /// <summary>
    /// A gauge's reading, or none when the thing read is being replaced (an index rebuilt under the scrape): one gauge that
    /// throws would fail the whole scrape.
    /// </summary>
    private static IEnumerable<Measurement<long>> Observed(Func<IEnumerable<Measurement<long>>> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException or InvalidOperationException)
        {
            return [];
        }
    }

    private static IEnumerable<Measurement<long>> IndexLag(PrecedentView precedents, LetterStoreHost stores)
    {
        // The store's last sequence read first, so a change applied in between never shows as a negative lag.
        var opened = stores.Store();
        if (!opened.TryGetValue(out var store) || !store.LastSequence().TryGetValue(out var last))
        {
            return [];
        }

        return [new Measurement<long>(Math.Max(0, last - precedents.AppliedSequence))];
    }
}
