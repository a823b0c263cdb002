using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>
/// Fits an estimator on the items of one category only and applies the result to every item; falls back to all items
/// when the category has fewer than <paramref name="minimumRows"/>. The filter is used only while fitting, so the
/// fitted model is an ordinary ML.NET transformer chain that saves and loads as one.
/// </summary>
internal sealed class CategorySubsetEstimator(MLContext ml, string category, int minimumRows, IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    /// <inheritdoc/>
    public ITransformer Fit(IDataView input)
    {
        var subset = ml.Data.FilterByCustomPredicate<CategoryOnly>(input, row => row.ItemCategory != category);
        var rows = ml.Data.CreateEnumerable<CategoryOnly>(subset, reuseRowObject: true).Take(minimumRows).Count();
        return inner.Fit(rows >= minimumRows ? subset : input);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);

    private sealed class CategoryOnly
    {
        public string ItemCategory { get; set; } = string.Empty;
    }
}
