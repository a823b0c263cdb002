namespace ImrPredict.Bench;

/// <summary>A benchmark's positional arguments: each one optional, with the default its documentation names.</summary>
internal static class BenchArgs
{
    /// <summary>Argument <paramref name="index"/> (from 0) as a number, or <paramref name="fallback"/> when it is not given.</summary>
    public static T At<T>(string[] args, int index, T fallback) where T : IParsable<T>
    {
        if (args.Length <= index)
        {
            return fallback;
        }

        return T.TryParse(args[index], CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"argument {index + 1}, '{args[index]}', is not a number ({typeof(T).Name})");
    }
}
