using System.Net;
using System.Net.Sockets;

namespace ImrPredict.Bench;

/// <summary>Timing helpers (repeated runs, medians, percentiles) and a free loopback port.</summary>
internal static class BenchSupport
{
    /// <summary>Runs <paramref name="body"/> <paramref name="runs"/> times after one warm-up and returns the median seconds.</summary>
    public static double MedianSeconds(int runs, Action body)
    {
        body();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            body();
            times[i] = stopwatch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
