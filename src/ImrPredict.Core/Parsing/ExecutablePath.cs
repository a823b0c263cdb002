namespace ImrPredict.Core.Parsing;

/// <summary>Where a command-line tool the parser runs (tesseract, pdftoppm) is on the PATH.</summary>
internal static class ExecutablePath
{
    /// <summary>The tool's full path, or null when no folder of the PATH holds it.</summary>
    public static string? Find(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
