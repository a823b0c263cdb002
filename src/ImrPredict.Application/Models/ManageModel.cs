using ImrPredict.Application.Storage;
using ImrPredict.Core.Results;

namespace ImrPredict.Application.Models;

/// <summary>Describes the serving model and replaces it with another bundle on an operator's request.</summary>
public sealed class ManageModel(IServingModels models, PrecedentView precedents)
{
    /// <summary>The serving bundle.</summary>
    public Result<ModelDescription, ApplicationErrorCode> Describe() =>
        models.Current is { } model
            ? new ModelDescription(model.Manifest, precedents.Count, models.LastError)
            : UseCaseErrors.NoModel(models);

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
