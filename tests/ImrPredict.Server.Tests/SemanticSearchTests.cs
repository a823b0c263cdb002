using Google.Rpc;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Search by meaning in a real server process: searches are lexical (and say so) until every precedent is embedded in the
/// background, then each mode answers; the vectors are kept in the store, so a restart reads them instead of embedding again.
/// </summary>
public sealed class SemanticSearchTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> SemanticOn = new() { ["ImrPredict:Semantic:Enabled"] = "true" };

    [Fact]
    public async Task Searches_use_the_vectors_once_filled_and_a_restart_reads_them_from_the_store()
    {
        var data = Directory.CreateTempSubdirectory("imr-semantic-");
        var models = fixture.CopyOfModels();
        var generator = new LetterGenerator(seed: 8080);
        var request = new AddDeterminationsRequest();
        request.Letters.AddRange(Enumerable.Range(0, 30).Select(i => new LetterContent { Text = LetterRenderer.Markdown(generator.Generate(i)), Source = $"l{i}.md" }));
        int items;
        await using (var server = new ServerProcess(models, data.FullName, SemanticOn))
        {
            await server.StartAsync(Token);
            items = (await server.Client.AddDeterminationsAsync(request, ServerProcess.Key, cancellationToken: Token)).ItemsAdded;
            var info = await WaitForEmbeddings(server, items);

            var modes = new List<string>();
            foreach (var mode in new[] { "lexical", "semantic", "hybrid", "" })
            {
                var found = await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "low back imaging after failed therapy", Mode = mode, PageSize = 5 }, cancellationToken: Token);
                Assert.NotEmpty(found.Hits);
                Assert.Equal(string.Empty, found.Notice);
                modes.Add(found.Mode);
            }

            var byCase = await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest
            {
                ClinicalSummary = "Chronic low back pain radiating to the left leg; six sessions of physical therapy did not help.",
                RequestedItem = "MRI of the lumbar spine",
                Mode = "semantic",
                Decision = "Upheld",
            }, cancellationToken: Token);
            var invalid = await Assert.ThrowsAsync<RpcException>(() => server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "MRI", Mode = "fuzzy" }, cancellationToken: Token).ResponseAsync);

            Assert.Equal((items, 0), (info.Embedded, info.EmbeddingPending));
            Assert.Equal(["lexical", "semantic", "hybrid", "hybrid"], modes);
            Assert.Equal("semantic", byCase.Mode);
            Assert.NotEmpty(byCase.Hits);
            Assert.All(byCase.Hits, h => Assert.Equal("Upheld", h.Decision));
            Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
            Assert.Contains(invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "mode" && v.Description.Contains("lexical, semantic or hybrid", StringComparison.Ordinal));
            Assert.Equal(items, await Computed(server));
        }

        await using (var restarted = new ServerProcess(models, data.FullName, SemanticOn))
        {
            await restarted.StartAsync(Token);
            var info = await WaitForEmbeddings(restarted, items);

            Assert.Equal((items, 0), (info.Embedded, info.EmbeddingPending));
            Assert.Equal(0, await Computed(restarted));
        }

        data.Delete(recursive: true);
    }

    [Fact]
    public async Task Until_the_vectors_are_filled_a_search_is_answered_by_its_words_and_says_so()
    {
        var data = Directory.CreateTempSubdirectory("imr-semantic-off-");
        await using var server = new ServerProcess(fixture.CopyOfModels(), data.FullName);
        await server.StartAsync(Token);
        var request = new AddDeterminationsRequest();
        request.Letters.Add(new LetterContent { Text = LetterRenderer.Markdown(new LetterGenerator(seed: 8081).Generate(1)), Source = "one.md" });
        await server.Client.AddDeterminationsAsync(request, ServerProcess.Key, cancellationToken: Token);

        var found = await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "physical therapy", Mode = "semantic" }, cancellationToken: Token);
        var info = await server.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);

        Assert.Equal("lexical", found.Mode);
        Assert.Contains("searched by words only", found.Notice, StringComparison.Ordinal);
        Assert.Contains("turned off", info.EmbeddingProblem, StringComparison.Ordinal);
        Assert.Equal(0, info.Embedded);
        data.Delete(recursive: true);
    }

    private static async Task<ModelInfo> WaitForEmbeddings(ServerProcess server, int items)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var info = await server.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);
            if ((info.Embedded >= items && info.EmbeddingPending == 0) || DateTime.UtcNow > deadline)
            {
                return info;
            }

            await Task.Delay(200, Token);
        }
    }

    private static async Task<long> Computed(ServerProcess server)
    {
        using var http = new HttpClient { BaseAddress = server.JsonAddress };
        var metrics = await http.GetStringAsync("/metrics", Token);
        var line = metrics.Split('\n').First(l => l.StartsWith("imrpredict_embedding_computed", StringComparison.Ordinal) && !l.StartsWith('#'));
        return long.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
