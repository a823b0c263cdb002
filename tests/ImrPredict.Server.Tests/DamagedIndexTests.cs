using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>An index damaged on disk is rebuilt from the store; predictions are served throughout; searches say UNAVAILABLE, never UNKNOWN.</summary>
public sealed class DamagedIndexTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Theory]
    [InlineData("every seventh byte of every file flipped")]
    [InlineData("64 KB zeroed inside the largest file, its size kept")]
    public async Task A_damaged_index_is_rebuilt_from_the_store_while_predictions_are_served(string damage)
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 600).Select(i => StoreLetters.Letter(seed: 515, index: i)).ToList();
        StoreLetters.Store(Data, letters);

        await using (var first = Server())
        {
            await first.StartAsync(token);
            Assert.True(await first.FindsAsync(letters[0].Query, letters[0].LetterId, TimeSpan.FromSeconds(30), token));
        }

        var index = Path.Combine(Data, "index");
        if (damage.StartsWith("64 KB", StringComparison.Ordinal))
        {
            // Found only by the files' checksums: the index opens and answers, differently.
            var largest = new DirectoryInfo(index).GetFiles().OrderByDescending(f => f.Length).First();
            var bytes = File.ReadAllBytes(largest.FullName);
            Array.Clear(bytes, (bytes.Length - 65536) / 2, 65536);
            File.WriteAllBytes(largest.FullName, bytes);
        }
        else
        {
            foreach (var file in Directory.GetFiles(index).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(file);
                for (var i = 0; i < bytes.Length; i += 7)
                {
                    bytes[i] ^= 0x5A;
                }

                File.WriteAllBytes(file, bytes);
            }
        }

        await using var restarted = Server();
        await restarted.StartAsync(token);
        var predict = new PredictRequest { ClinicalSummary = "Chronic low back pain after a lifting injury." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        var statuses = new List<StatusCode>();
        var predictions = 0;
        var found = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!found && DateTime.UtcNow < deadline)
        {
            predictions += (await restarted.Client.PredictAsync(predict, cancellationToken: token)).Items.Count;
            try
            {
                var page = await restarted.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = letters[0].Query, PageSize = 50 }, cancellationToken: token);
                found = page.Hits.Any(h => h.LetterId == letters[0].LetterId);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                statuses.Add(e.StatusCode);
                // Checked at open (a few seconds for a damaged file), then rebuilt: either way the answer says so.
                Assert.Matches("is opening|is being rebuilt|rebuilt from the store", e.Status.Detail);
            }
        }

        Assert.True(found, $"the rebuilt index does not find the letter: {string.Join(Environment.NewLine, restarted.Output)}");
        Assert.All(statuses, s => Assert.Contains(s, new[] { StatusCode.OK, StatusCode.Unavailable }));
        Assert.True(predictions >= statuses.Count);
        Assert.Contains(restarted.Output, line => line.Contains("damaged", StringComparison.Ordinal));
        Assert.Single(Directory.GetDirectories(Data, "index.damaged-*"));
    }
}
