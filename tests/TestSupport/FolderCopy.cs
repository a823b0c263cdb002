namespace ImrPredict.TestSupport;

/// <summary>Copies folder trees for tests that need their own models or data folder.</summary>
public static class FolderCopy
{
    /// <summary>Copies every file under <paramref name="source"/> into <paramref name="target"/>, leaving out Lucene's write lock.</summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
