using ImrPredict.Search;
using ImrPredict.Store;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Storage;

/// <summary>
/// The upgrade from bundles that carried the precedent index (<c>BUNDLE/index</c>, before the store): its letters are
/// recovered from the index's stored fields and kept in the store (those the store does not hold yet), then the folder is
/// renamed so it is imported once. An upgrade loses none of the letters users added.
/// </summary>
public sealed partial class LegacyIndexImport(DeterminationStoreHost stores, ILogger<LegacyIndexImport> logger)
{
    /// <summary>The index folder name bundles had.</summary>
    public const string LegacyFolder = "index";

    /// <summary>Imports <paramref name="bundleDirectory"/>'s index when it has one; null when done or nothing to do, else why not.</summary>
    public string? Run(string bundleDirectory)
    {
        var folder = Path.Combine(bundleDirectory, LegacyFolder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var opened = stores.Store();
        if (!opened.TryGetValue(out var store))
        {
            return $"the bundle's old index waits for the store: {opened.Error.Message}";
        }

        var read = StoredLetterReader.Read(folder);
        if (!read.TryGetValue(out var letters))
        {
            return read.Error.Message;
        }

        var missing = new List<ParsedSubmission>();
        foreach (var letter in letters)
        {
            var held = store.Get(letter.LetterId);
            if (!held.Success)
            {
                return held.Error.Message;
            }

            if (held.Value is null)
            {
                missing.Add(new ParsedSubmission(letter, folder));
            }
        }

        foreach (var batch in missing.Chunk(500))
        {
            var added = store.AddParsed(batch);
            if (!added.Success)
            {
                return added.Error.Message;
            }
        }

        Directory.Move(folder, $"{folder}.imported-{DateTime.UtcNow:yyyyMMddHHmmss}");
        LogImported(logger, missing.Count, letters.Count, folder);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Imported} of {Letters} letters from the bundle's old precedent index {Folder} into the store")]
    private static partial void LogImported(ILogger logger, int imported, int letters, string folder);
}
