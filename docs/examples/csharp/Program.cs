// The README's three calls over gRPC from C#: a prediction with its reasons, a precedent search and, given a letter file
// and an admin key, an add. Run: dotnet run --project docs/examples/csharp -- [address] [letter-file]
// (address defaults to http://127.0.0.1:5000; the admin key is read from IMRPREDICT_ADMIN_KEY).
using Grpc.Core;
using Grpc.Net.Client;
using ImrPredict.Server.V1;

var address = args.Length > 0 ? args[0] : "http://127.0.0.1:5000";
var letterFile = args.Length > 1 ? args[1] : null;
using var channel = GrpcChannel.ForAddress(address);
var client = new ImrPredictService.ImrPredictServiceClient(channel);

try
{
    // 1. How likely is this denial to be overturned, and why?
    var predict = new PredictRequest
    {
        ClinicalSummary = "Low back pain radiating to the left leg with 4/5 weakness after six weeks of physical therapy.",
        Contributions = 3,
        Precedents = 2,
    };
    predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
    var prediction = await client.PredictAsync(predict, deadline: DateTime.UtcNow.AddSeconds(30));
    foreach (var item in prediction.Items)
    {
        Console.WriteLine($"predict: {item.RequestedItem}: p(overturned) {item.POverturned:F3}, {item.Decision} (model {prediction.ModelVersion})");
        foreach (var reason in item.Reasons)
        {
            Console.WriteLine($"  reason: {reason.Text}");
        }
    }

    // 2. Which prior decisions reasoned about this?
    var page = await client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "low back MRI without red flags", PageSize = 5 });
    Console.WriteLine($"search: {page.TotalMatches} matches ({page.Mode})");
    foreach (var hit in page.Hits)
    {
        Console.WriteLine($"  {hit.Id} {hit.CaseNumber} {hit.Decision}: {hit.RequestedItem}");
    }

    // 3. Add a decided letter (PDF or text) with the admin key; it is searchable when the call returns.
    if (letterFile is not null)
    {
        var bytes = await File.ReadAllBytesAsync(letterFile);
        var content = letterFile.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? new LetterContent { Pdf = Google.Protobuf.ByteString.CopyFrom(bytes), Source = Path.GetFileName(letterFile) }
            : new LetterContent { Text = System.Text.Encoding.UTF8.GetString(bytes), Source = Path.GetFileName(letterFile) };
        var add = new AddDeterminationsRequest { Letters = { content } };
        var key = new Metadata { { "x-api-key", Environment.GetEnvironmentVariable("IMRPREDICT_ADMIN_KEY") ?? string.Empty } };
        var added = await client.AddDeterminationsAsync(add, key);
        Console.WriteLine($"add: {added.LettersAdded} letter(s), {added.ItemsAdded} item(s), searchable {added.Searchable}: {string.Join(", ", added.LetterIds)}");
    }

    return 0;
}
catch (RpcException e)
{
    // INVALID_ARGUMENT, UNAVAILABLE (no model yet), UNAUTHENTICATED (no admin key): the status says which and why.
    Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
    return 1;
}
