using Google.Rpc;

namespace ImrPredict.Server.Tests;

/// <summary>
/// A request with several faults hears of all of them in one INVALID_ARGUMENT: what the service could not map (a date that
/// is not one) beside what the use case's rules refuse (an empty summary, too many contributions, a case further down).
/// </summary>
public sealed class EveryFaultAtOnceTests(ServiceFixture fixture)
{
    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_prediction_names_each_field_at_fault()
    {
        var request = new PredictRequest { ClinicalSummary = " ", DateOfInjury = "13/45/2015", Contributions = 99 };
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });

        var fields = await FieldsAtFault(() => fixture.Client.PredictAsync(request, cancellationToken: Token).ResponseAsync);

        Assert.Equal(["clinical_summary", "contributions", "date_of_injury"], fields);
    }

    [Fact]
    public async Task A_ranking_names_the_faults_of_every_case_not_only_the_first()
    {
        var request = new RankCasesRequest();
        request.Cases.Add(Case("a", summary: "Low back pain after lifting.", item: ""));
        request.Cases.Add(Case("b", summary: "Neck pain after a fall.", item: "MRI of the cervical spine"));
        request.Cases.Add(Case("c", summary: "", item: "Norco 10/325mg #120"));

        var fields = await FieldsAtFault(() => fixture.Client.RankCasesAsync(request, cancellationToken: Token).ResponseAsync);

        Assert.Equal(["cases[0].items[0].requested_item", "cases[2].clinical_summary"], fields);
    }

    [Fact]
    public async Task A_letter_request_without_a_letter_names_the_letter_and_the_counts()
    {
        var fields = await FieldsAtFault(() => fixture.Client.PredictLetterAsync(new PredictLetterRequest { Precedents = -1 }, cancellationToken: Token).ResponseAsync);

        Assert.Equal(["letter", "precedents"], fields);
    }

    private static Case Case(string id, string summary, string item)
    {
        var message = new Case { CaseId = id, ClinicalSummary = summary };
        message.Items.Add(new ItemRequest { RequestedItem = item });
        return message;
    }

    private static async Task<string[]> FieldsAtFault(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return badRequest.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToArray();
    }
}
