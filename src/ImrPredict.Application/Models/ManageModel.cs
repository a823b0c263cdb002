using ImrPredict.Application.Storage;
using ImrPredict.Core.Results;

namespace ImrPredict.Application.Models;

/// <summary>Describes the serving model and replaces it with another bundle on an operator's request.</summary>
public sealed class ManageModel(IServingModels models, PrecedentView precedents, Precedents.PrecedentVectors vectors)
{
    /// <summary>The files of a bundle's validation report that are served: the report and its plots.</summary>
    public static readonly IReadOnlyList<string> ReportFileNames = ["report.md", "roc.png", "pr.png", "calibration.png"];

    /// <summary>The serving bundle.</summary>
    public Result<ModelDescription, ApplicationErrorCode> Describe() =>
        models.Current is { } model
            ? new ModelDescription(model.Manifest, precedents.Count, models.LastError)
            {
                Promotion = model.Promotion,
                ReportFiles = ReportFileNames.Where(f => File.Exists(Path.Combine(model.Predictor.Bundle.Directory, f))).ToList(),
                Embedded = vectors.Embedded,
                EmbeddingPending = vectors.Pending,
                EmbeddingProblem = vectors.Problem,
            }
            : UseCaseErrors.NoModel(models);

    /// <summary>One file of the serving bundle's report (<see cref="ReportFileNames"/>), as it was when the bundle loaded or since.</summary>
    public Result<byte[], ApplicationErrorCode> ReportFile(string name)
    {
        if (!ReportFileNames.Contains(name, StringComparer.Ordinal))
        {
            return UseCaseErrors.Invalid(new FieldViolation("name", $"'{name}' is not a report file; one of {string.Join(", ", ReportFileNames)}"));
        }

        if (models.Current is not { } model)
        {
            return UseCaseErrors.NoModel(models);
        }

        var path = Path.Combine(model.Predictor.Bundle.Directory, name);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Result<byte[], ApplicationErrorCode>.Fail(ApplicationErrorCode.NotFound, $"bundle {model.Manifest.BundleVersion} has no {name}");
        }
    }

    /// <summary>
    /// Loads the bundle folder <paramref name="bundle"/> beside the served one (empty: the served folder again); a refused
    /// bundle leaves the previous one serving.
    /// </summary>
    public Result<ModelDescription, ApplicationErrorCode> Reload(string bundle)
    {
        if (bundle.Length > 0 && (bundle.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || bundle is "." or ".."))
        {
            return UseCaseErrors.Invalid(new FieldViolation("bundle", "must be a bundle folder name inside the models folder"));
        }

        var directory = bundle.Length == 0 ? models.BundleDirectory : Path.Combine(Path.GetDirectoryName(models.BundleDirectory)!, bundle);
        if (!models.TryLoad(directory))
        {
            return new Error<ApplicationErrorCode>(ApplicationErrorCode.BundleRefused, $"the bundle was refused and the previous one keeps serving: {models.LastError}");
        }

        return Describe();
    }
}
