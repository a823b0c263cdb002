namespace ImrPredict.Training.Commands;

/// <summary>The options every command over the models folder shares: the folder and its serving bundle's name.</summary>
internal static class ModelsOptions
{
    public static System.CommandLine.Option<DirectoryInfo> Directory() => new("--models")
    {
        Description = "The models folder: the serving bundle and history/.",
        DefaultValueFactory = _ => new DirectoryInfo("models"),
    };

    public static System.CommandLine.Option<string> BundleName() => new("--bundle")
    {
        Description = "The serving bundle's folder name in --models.",
        DefaultValueFactory = _ => "default",
    };
}
