using ImrPredict.Bench;

// Benchmarks: `dotnet run -c Release --project bench/ImrPredict.Bench -- <name>`; each prints medians and ratios.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["parse"] = ParseBenchmark.Run,
    ["generate"] = GenerateBenchmark.Run,
    ["train"] = ModelBenchmark.Train,
    ["predict"] = ModelBenchmark.Predict,
    ["search"] = SearchBenchmark.Run,
    ["load"] = LoadBenchmark.Run,
    ["store"] = StoreBenchmark.Run,
    ["passages"] = PassageBenchmark.Run,
    ["web"] = WebBenchmark.Run,
    ["retrain"] = RetrainBenchmark.Run,
    ["soak"] = SoakBenchmark.Run,
    ["chaos"] = ChaosBenchmark.Run,
    ["auth"] = AuthBenchmark.Run,
    ["semantic"] = SemanticBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ImrPredict.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return run(args[1..]);
