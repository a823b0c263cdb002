namespace ImrPredict.Web.Tests;

/// <summary>A temporary folder for the files a test drops into a page, deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("imr-web-");

    /// <summary>The path of <paramref name="name"/> in the folder.</summary>
    public string File(string name) => Path.Combine(Directory.FullName, name);

    public void Dispose() => Directory.Delete(recursive: true);
}
