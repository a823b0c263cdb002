using System.Text;
using ImrPredict.Core.Json;
using ImrPredict.Core.Parsing;

namespace ImrPredict.Training.Commands;

/// <summary><c>imr parse PATH...</c>: one JSON object per letter per line on standard output.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Letter files (PDF, text, markdown/HTML) or folders to read recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<FileInfo?>("--out", "-o")
        {
            Description = "Write the JSON Lines here instead of standard output.",
        };
        var command = new Command("parse", "Parse letters into JSON Lines; a letter that cannot be read gives a line with 'error' and a non-zero exit.")
        {
            paths,
            output,
        };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(output)));
        return command;
    }

    private static int Run(string[] paths, FileInfo? output)
    {
        using var writer = output is null
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false }
            : new StreamWriter(output.FullName, append: false, new UTF8Encoding(false));
        var failures = 0;
        var letters = 0;
        foreach (var file in LetterReader.EnumerateLetterFiles(paths))
        {
            var result = LetterReader.ReadFile(file);
            letters++;
            if (!result.Success)
            {
                failures++;
            }

            writer.WriteLine(LetterJson.Line(file, result));
        }

        writer.Flush();
        if (letters == 0)
        {
            Console.Error.WriteLine("imr parse: no letter files found in the given paths");
            return 2;
        }

        if (failures > 0)
        {
            Console.Error.WriteLine($"imr parse: {failures} of {letters} letter(s) could not be read");
            return 1;
        }

        return 0;
    }
}
