namespace ImrPredict.ML;

/// <summary>Column names the runtime reads from a fitted model.</summary>
public static class ModelColumns
{
    /// <summary>The assembled feature vector, whose slot names explain predictions.</summary>
    public const string Features = "Features";
}
