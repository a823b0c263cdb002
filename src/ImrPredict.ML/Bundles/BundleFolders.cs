namespace ImrPredict.ML.Bundles;

/// <summary>Folder moves that never leave a half-written bundle where a reader looks.</summary>
internal static class BundleFolders
{
    /// <summary>A fresh temporary sibling of <paramref name="destination"/> (same file system, so moves are renames).</summary>
    public static string TemporaryBeside(string destination, string kind = "tmp")
    {
        var parent = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(destination)}.{kind}-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Moves a complete folder into place by renames: an existing destination is first renamed aside, so a reader sees
    /// the old bundle or the new one, and for a moment none (the service's loader then keeps what it serves).
    /// </summary>
    public static void MoveIntoPlace(string temporary, string destination)
    {
        if (Directory.Exists(destination))
        {
            var old = TemporaryBeside(destination, "old");
            Directory.Move(destination, old);
            Directory.Move(temporary, destination);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(temporary, destination);
        }
    }

    /// <summary>Copies every file of a folder tree.</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            Copy(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }

    /// <summary>Deletes leftovers of writes that were killed before their move (temporary and set-aside folders).</summary>
    public static void DeleteLeftovers(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(parent, ".*"))
        {
            var name = Path.GetFileName(directory);
            if (name.Contains(".tmp-", StringComparison.Ordinal) || name.Contains(".old-", StringComparison.Ordinal))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // Another writer's folder still in use: left for the next clean-up.
                }
            }
        }
    }
}
