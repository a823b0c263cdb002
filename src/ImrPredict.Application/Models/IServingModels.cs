namespace ImrPredict.Application.Models;

/// <summary>The model being served and how to replace it; use cases depend on this, not on how bundles are loaded.</summary>
public interface IServingModels
{
    /// <summary>The serving model, or null while none is loaded.</summary>
    ServingModel? Current { get; }

    /// <summary>Why the last load failed, when it did.</summary>
    string? LastError { get; }

    /// <summary>The bundle folder served.</summary>
    string BundleDirectory { get; }

    /// <summary>Loads and checks a bundle; on success it replaces the serving model, else the previous one keeps serving.</summary>
    bool TryLoad(string directory);
}
