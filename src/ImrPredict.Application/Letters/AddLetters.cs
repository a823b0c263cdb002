using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using ImrPredict.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Letters;

/// <summary>
/// Keeps decided letters in the store, the system of record: every letter is kept (a refused one with its error), re-adding
/// one replaces it, and the answer comes once the store has committed them and this replica's index shows them.
/// </summary>
public sealed partial class AddLetters(LetterStoreHost stores, PrecedentView view, IOptions<ServiceLimits> limits, StorageOptions storage,
    ServiceMetrics metrics, ILogger<AddLetters> logger)
{
    /// <summary>Adds the letters; committed to the store before this returns, so an acknowledged letter survives a crash.</summary>
    public Result<AddedLetters, ApplicationErrorCode> Run(IReadOnlyList<LetterSubmission> submissions, CancellationToken cancellationToken)
    {
        var limit = limits.Value.MaxLettersPerAdd;
        if (submissions.Count == 0 || submissions.Count > limit)
        {
            return UseCaseErrors.Invalid(new FieldViolation("letters", submissions.Count == 0 ? "give at least one letter" : $"at most {limit} letters per call"));
        }

        var opened = stores.Store();
        if (!opened.TryGetValue(out var store))
        {
            return UseCaseErrors.FromStore(opened.Error);
        }

        // The store parses each letter as it keeps it (an empty one is refused and kept, like any other): this span holds the parsing too.
        var added = ServiceActivities.Store("add", submissions.Count).Traced(() => store.Add(submissions, new AddPolicy(OverLimit, storage.RefusedBytesKept)));
        if (!added.TryGetValue(out var results))
        {
            return UseCaseErrors.FromStore(added.Error);
        }

        foreach (var outcome in results.Where(r => r.Outcome != AddOutcome.Refused).GroupBy(r => r.Outcome))
        {
            metrics.LettersAdded(outcome.Key.ToString(), outcome.Count());
        }

        var rejections = new List<LetterRejection>();
        foreach (var result in results.Where(r => r.Outcome == AddOutcome.Refused))
        {
            rejections.Add(new LetterRejection(result.Index, submissions[result.Index].Source, result.ParseError!.Code.ToString(), result.ParseError.Message));
            metrics.LetterRefused(result.ParseError.Code.ToString());
        }

        var kept = results.Where(r => r.Outcome != AddOutcome.Refused).ToList();
        var warnings = kept.Where(r => r.Warnings.Count > 0)
            .Select(r => new LetterWarnings(r.Index, submissions[r.Index].Source, r.LetterId, r.Warnings))
            .ToList();
        var sequence = results.Count == 0 ? view.AppliedSequence : results.Max(r => r.Sequence);
        var searchable = view.WaitFor(sequence, TimeSpan.FromSeconds(storage.ReadYourWritesSeconds), cancellationToken);
        LogAdded(logger, kept.Count, rejections.Count, sequence);
        return new AddedLetters(kept.Count, kept.Sum(r => r.Items), view.Count, rejections.OrderBy(r => r.Index).ToList(), sequence, searchable, warnings)
        {
            LetterIds = results.OrderBy(r => r.Index).Select(r => r.LetterId).ToList(),
        };
    }

    /// <summary>
    /// Why a letter is over the limits a case is predicted under (so every letter kept can be assessed and shown whole),
    /// naming the setting; null when it is within them.
    /// </summary>
    private string? OverLimit(ImrLetter letter)
    {
        var l = limits.Value;
        if (letter.Items.Count > l.MaxItemsPerCase)
        {
            return $"the letter disputes {letter.Items.Count:N0} items; at most {l.MaxItemsPerCase:N0} are accepted per letter (ImrPredict:MaxItemsPerCase)";
        }

        if (letter.ClinicalSummary.Length > l.MaxSummaryChars)
        {
            return $"the clinical summary is {letter.ClinicalSummary.Length:N0} characters; at most {l.MaxSummaryChars:N0} are accepted (ImrPredict:MaxSummaryChars)";
        }

        var longest = letter.Items.Select((item, i) => (i, item.RequestedItem.Length)).MaxBy(x => x.Length);
        return longest.Length > l.MaxItemChars
            ? $"item {longest.i + 1}'s requested item is {longest.Length:N0} characters; at most {l.MaxItemChars:N0} are accepted (ImrPredict:MaxItemChars)"
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept {Letters} letters in the store (sequence {Sequence}); {Errors} refused by the parser")]
    private static partial void LogAdded(ILogger logger, int letters, int errors, long sequence);
}
