using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using ImrPredict.Core.Parsing;
using ImrPredict.ML;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Data;
using ImrPredict.ML.Training;
using ImrPredict.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace ImrPredict.Application.Tests;

/// <summary>
/// A model served by a real <see cref="ModelHost"/> whose label is the days from injury to the denial (over 1,000 days:
/// overturned), so any path that loses a case's dates scores it differently.
/// </summary>
public sealed class DatedModelFixture : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("imr-dated-model-");

    public DatedModelFixture()
    {
        var generator = new LetterGenerator(seed: 12);
        var random = new Random(3);
        var rows = new List<ItemRow>();
        for (var i = 0; i < 500; i++)
        {
            foreach (var row in ItemRows.From(LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value))
            {
                var days = random.Next(10, 2000);
                row.DaysFromInjuryToUrDenial = days;
                row.Label = days > 1000;
                rows.Add(row);
            }
        }

        var ml = new MLContext(seed: 1);
        var options = PipelineOptions.ForSmallCorpus(rows.Count);
        var trained = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, options, validationFolds: 2, includeLogistic: false).Value;
        var bundle = Path.Combine(_folder.FullName, "dated");
        var saved = BundleBuilder.Save(ml, bundle, trained, new BundleDescription("dated", "letters", options, LetterCorpus.Instance.Features, ModelBundle.LetterInputColumns, []), overwrite: false);
        Assert.True(saved.Success, saved.Error?.ToString());
        Host = new ModelHost(bundle, NullLogger<ModelHost>.Instance);
        Assert.True(Host.TryLoad(bundle), Host.LastError);
        var stores = new LetterStoreHost(new StorageOptions(), _folder.FullName, NullLogger<LetterStoreHost>.Instance);
        Precedents = new PrecedentView(stores, Path.Combine(_folder.FullName, "index"), Limits.Value, NullLogger<PrecedentView>.Instance);
    }

    /// <summary>An empty store's precedent view (these tests ask for no precedents).</summary>
    public PrecedentView Precedents { get; }

    public Microsoft.Extensions.Options.IOptions<ServiceLimits> Limits { get; } = Microsoft.Extensions.Options.Options.Create(new ServiceLimits());

    public ModelHost Host { get; }

    /// <summary>The use cases' instruments, on a meter of their own.</summary>
    public Telemetry.ServiceMetrics Metrics { get; } = new(new ServiceCollection().AddMetrics().BuildServiceProvider()
        .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public void Dispose()
    {
        Precedents.Dispose();
        _folder.Delete(recursive: true);
    }
}
