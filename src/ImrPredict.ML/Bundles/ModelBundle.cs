using System.Security.Cryptography;
using System.Text.Json;
using ImrPredict.Core.Results;
using ImrPredict.ML.Data;
using Microsoft.ML;

namespace ImrPredict.ML.Bundles;

/// <summary>Writes bundles atomically and loads them with every check, never half-way.</summary>
public static class ModelBundle
{
    /// <summary>The model file name.</summary>
    public const string ModelFile = "model.zip";

    /// <summary>The manifest file name.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The input columns a letter model must read.</summary>
    public static readonly string[] LetterInputColumns =
    [
        nameof(ItemRow.ClinicalSummary), nameof(ItemRow.RequestedItem), nameof(ItemRow.ItemCategory), nameof(ItemRow.Quantity),
        nameof(ItemRow.Strength), nameof(ItemRow.Sessions), nameof(ItemRow.PartialAuthorization), nameof(ItemRow.DaysFromInjuryToUrDenial),
        nameof(ItemRow.ItemsInLetter),
    ];

    /// <summary>
    /// Writes a bundle into a temporary sibling folder and moves it into place only when complete.
    /// An existing destination is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="destination">The bundle folder to create or replace.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="inputSchema">The schema of the training rows.</param>
    /// <param name="manifestForModelHash">Makes the manifest, given the SHA-256 of the written model.zip.</param>
    /// <param name="overwrite">Whether an existing bundle may be replaced.</param>
    /// <param name="writeExtras">Writes further files (report, plots, index) into the temporary folder before the move.</param>
    public static Error<BundleErrorCode>? Save(MLContext ml, string destination, ITransformer model, DataViewSchema inputSchema,
        Func<string, ModelManifest> manifestForModelHash, bool overwrite, Action<string>? writeExtras = null)
    {
        destination = Path.GetFullPath(destination);
        if (Directory.Exists(destination) && !overwrite)
        {
            return new Error<BundleErrorCode>(BundleErrorCode.AlreadyExists, $"'{destination}' already exists; choose another --out or pass --force to replace it");
        }

        var temporary = BundleFolders.TemporaryBeside(destination);
        Directory.CreateDirectory(temporary);
        try
        {
            var modelPath = Path.Combine(temporary, ModelFile);
            ml.Model.Save(model, inputSchema, modelPath);
            var manifest = manifestForModelHash(Sha256Of(modelPath));
            File.WriteAllText(Path.Combine(temporary, ManifestFile), JsonSerializer.Serialize(manifest, ModelManifest.JsonOptions));
            writeExtras?.Invoke(temporary);
            BundleFolders.MoveIntoPlace(temporary, destination);
            return null;
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Loads and checks a bundle: manifest, model hash, model load, input schema.</summary>
    public static Result<LoadedBundle, BundleErrorCode> Load(MLContext ml, string directory)
    {
        var read = ReadChecked(directory);
        if (!read.TryGetValue(out var manifest))
        {
            return Result<LoadedBundle, BundleErrorCode>.Fail(read.Error);
        }

        var modelPath = Path.Combine(directory, ModelFile);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = ml.Model.Load(modelPath, out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ML.NET reports corrupt or foreign zips with several exception types.
            return Fail(BundleErrorCode.ModelCorrupt, $"'{modelPath}' is not a loadable ML.NET model: {e.Message}");
        }

        var required = manifest.CorpusKind == "letters" ? LetterInputColumns : manifest.InputColumns;
        var missing = required.Where(c => schema.GetColumnOrNull(c) is null).ToList();
        if (missing.Count > 0)
        {
            return Fail(BundleErrorCode.SchemaMismatch, $"'{modelPath}' does not read the {manifest.CorpusKind} columns {string.Join(", ", missing)}");
        }

        return new LoadedBundle(Path.GetFullPath(directory), manifest, model, schema);
    }

    /// <summary>
    /// Reads a bundle's manifest and checks its model.zip against the manifest's hash, without loading the model: what
    /// publishing checks before it copies a bundle.
    /// </summary>
    public static Result<ModelManifest, BundleErrorCode> ReadChecked(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        var modelPath = Path.Combine(directory, ModelFile);
        if (!Directory.Exists(directory))
        {
            return Invalid(BundleErrorCode.Missing, $"no bundle folder at '{directory}'");
        }

        if (!File.Exists(manifestPath))
        {
            return Invalid(BundleErrorCode.Missing, $"'{manifestPath}' is missing");
        }

        if (!File.Exists(modelPath))
        {
            return Invalid(BundleErrorCode.Missing, $"'{modelPath}' is missing");
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(manifestPath), ModelManifest.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or IOException)
        {
            return Invalid(BundleErrorCode.ManifestInvalid, $"'{manifestPath}' is not a valid manifest: {e.Message}");
        }

        if (manifest is null || manifest.FormatVersion != ModelManifest.CurrentFormatVersion)
        {
            return Invalid(BundleErrorCode.ManifestInvalid, $"'{manifestPath}' has format version {manifest?.FormatVersion}; this build reads version {ModelManifest.CurrentFormatVersion}");
        }

        var actualHash = Sha256Of(modelPath);
        if (!string.Equals(actualHash, manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid(BundleErrorCode.ManifestMismatch, $"'{modelPath}' has SHA-256 {actualHash[..12]}... but the manifest names {Shorten(manifest.ModelSha256)}: the model and manifest are not from the same training run");
        }

        return manifest;
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Shorten(string? hash) => string.IsNullOrEmpty(hash) ? "(none)" : hash[..Math.Min(12, hash.Length)] + "...";

    private static Result<ModelManifest, BundleErrorCode> Invalid(BundleErrorCode code, string message) => Result<ModelManifest, BundleErrorCode>.Fail(code, message);

    private static Result<LoadedBundle, BundleErrorCode> Fail(BundleErrorCode code, string message) => Result<LoadedBundle, BundleErrorCode>.Fail(code, message);
}
