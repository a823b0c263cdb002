using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Results;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Letters;

/// <summary>Deletes a letter from the store (a tombstone, so every replica's index drops it) and waits for this replica's index.</summary>
public sealed partial class DeleteLetter(LetterStoreHost stores, PrecedentView view, StorageOptions storage, ILogger<DeleteLetter> logger)
{
    /// <summary>Deletes <paramref name="letterId"/>; the tombstone's sequence.</summary>
    public Result<long, ApplicationErrorCode> Run(string letterId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(letterId))
        {
            return UseCaseErrors.Invalid(new FieldViolation("letter_id", "the letter id is empty"));
        }

        var opened = stores.Store();
        if (!opened.TryGetValue(out var store))
        {
            return UseCaseErrors.FromStore(opened.Error);
        }

        var deleted = ServiceActivities.Store("delete", 1).Traced(() => store.Delete(letterId));
        if (!deleted.TryGetValue(out var sequence))
        {
            return UseCaseErrors.FromStore(deleted.Error);
        }

        if (sequence is not { } tombstone)
        {
            return new Error<ApplicationErrorCode>(ApplicationErrorCode.NotFound, $"the store holds no letter '{letterId}'", "letter_id");
        }

        view.WaitFor(tombstone, TimeSpan.FromSeconds(storage.ReadYourWritesSeconds), cancellationToken);
        LogDeleted(logger, LogSafe.Identifier(letterId), tombstone);
        return tombstone;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted letter {LetterId} (sequence {Sequence})")]
    private static partial void LogDeleted(ILogger logger, string letterId, long sequence);
}
