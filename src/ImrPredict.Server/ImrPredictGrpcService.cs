using Grpc.Core;
using ImrPredict.Server.Security;
using Microsoft.AspNetCore.Authorization;
using ImrPredict.Application;
using ImrPredict.Application.Audit;
using ImrPredict.Application.Cases;
using ImrPredict.Application.Letters;
using ImrPredict.Application.Models;
using ImrPredict.Application.Precedents;
using ImrPredict.Core.Letters;
using ImrPredict.Search;
using ImrPredict.Server.V1;
using Microsoft.Extensions.Options;
using CoreDecision = ImrPredict.Core.Letters.Decision;

namespace ImrPredict.Server;

/// <summary>
/// The gRPC (and JSON-transcoded) API: each call maps its message to the application's terms, calls one use case and
/// maps the answer back. The rules a request must meet are the use cases' (each has a <c>Check</c>); this class only
/// refuses what it cannot map (a date that is not one, an unknown category word), naming the field. Errors leave through
/// <see cref="ErrorStatus"/>. Each call declares the least role it needs here, in its <see cref="AuthorizeAttribute"/>
/// (<see cref="AccessRoles"/>), for gRPC and JSON alike. Logs carry ids and timings, never clinical text.
/// </summary>
public sealed class ImrPredictGrpcService(
    AssessCase assessCase,
    AssessLetter assessLetter,
    RankCases rankCases,
    SearchPrecedents searchPrecedents,
    AddLetters addLetters,
    DeleteLetter deleteLetter,
    ListLetters listLetters,
    ManageModel manageModel,
    AuditTrail auditTrail,
    IOptions<ServiceLimits> limits)
    : ImrPredictService.ImrPredictServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<PredictResponse> Predict(PredictRequest request, ServerCallContext context)
    {
        var mapping = new RequestMapping();
        var injury = mapping.Date(request.DateOfInjury, "date_of_injury");
        var denial = mapping.Date(request.UrDenialDate, "ur_denial_date");
        var input = ProtoMapping.ToInput(request.ClinicalSummary, request.Items, injury, denial);
        mapping.ThrowIfRefused(() => assessCase.Check(input, request.Contributions, request.Precedents));
        var assessed = assessCase.Run(input, request.Contributions, request.Precedents, context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(assessed.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<PredictLetterResponse> PredictLetter(PredictLetterRequest request, ServerCallContext context)
    {
        var (content, field) = request.LetterCase switch
        {
            PredictLetterRequest.LetterOneofCase.Pdf => (request.Pdf.ToByteArray(), "pdf"),
            PredictLetterRequest.LetterOneofCase.Text => (System.Text.Encoding.UTF8.GetBytes(request.Text), "text"),
            _ => ([], "letter"),
        };
        var assessed = assessLetter.Run(content, field, request.Contributions, request.Precedents, context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(assessed.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Triage)]
    public override Task<RankCasesResponse> RankCases(RankCasesRequest request, ServerCallContext context)
    {
        // One over the limit is enough for the use case to refuse the ranking; the cases past it are not mapped.
        var mapping = new RequestMapping();
        var cases = request.Cases.Take(limits.Value.MaxCasesPerRanking + 1).Select((c, i) => ToInput(c, i, mapping)).ToList();
        mapping.ThrowIfRefused(() => rankCases.Check(cases));
        return Task.FromResult(ProtoMapping.ToMessage(rankCases.Run(cases, context.CancellationToken, request.TopReasons).ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Triage)]
    public override async Task<RankCasesResponse> RankCasesStream(IAsyncStreamReader<Case> requestStream, ServerCallContext context)
    {
        var mapping = new RequestMapping();
        var cases = new List<CaseInput>();
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            cases.Add(ToInput(item, cases.Count, mapping));
            if (cases.Count > limits.Value.MaxCasesPerRanking)
            {
                // One over the limit is enough for the use case to refuse the ranking; the rest of the stream is not read.
                break;
            }
        }

        mapping.ThrowIfRefused(() => rankCases.Check(cases));
        return ProtoMapping.ToMessage(rankCases.Run(cases, context.CancellationToken).ValueOrThrow());
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<SearchPrecedentsResponse> SearchPrecedents(SearchPrecedentsRequest request, ServerCallContext context)
    {
        // The filters' words are mapped here (a bad one is named with its field); page sizes, date ranges and criteria are the search's rules.
        var mapping = new RequestMapping();
        var filters = Filters(request, mapping);
        mapping.ThrowIfRefused();
        var query = new PrecedentQuery(request.Query, request.ClinicalSummary, request.RequestedItem, filters, request.PageSize, request.Page, request.Mode);
        return Task.FromResult(ProtoMapping.ToMessage(searchPrecedents.Run(query).ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<PrecedentDetail> GetPrecedent(GetPrecedentRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(searchPrecedents.Get(request.Id, request.Query).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<Names> GetNames(GetNamesRequest request, ServerCallContext context) => Task.FromResult(ProtoMapping.ToNames());

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<ModelInfo> GetModelInfo(GetModelInfoRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(manageModel.Describe().ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<Google.Api.HttpBody> GetModelReport(GetModelReportRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToReportBody(request.Name, manageModel.ReportFile(request.Name).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<AddDeterminationsResponse> AddDeterminations(AddDeterminationsRequest request, ServerCallContext context)
    {
        var added = addLetters.Run(request.Letters.Select(ProtoMapping.ToSubmission).ToList(), context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(added.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<DeleteDeterminationResponse> DeleteDetermination(DeleteDeterminationRequest request, ServerCallContext context)
    {
        var sequence = deleteLetter.Run(request.LetterId, context.CancellationToken).ValueOrThrow();
        return Task.FromResult(new DeleteDeterminationResponse { Sequence = sequence });
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ListDeterminationsResponse> ListDeterminations(ListDeterminationsRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(listLetters.Run(request.Max).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ModelInfo> ReloadModel(ReloadModelRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(manageModel.Reload(request.Bundle).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var mapping = new RequestMapping();
        var since = mapping.Time(request.Since, "since");
        mapping.ThrowIfRefused();
        var query = new Store.Audit.AuditQuery(since, NullIfEmpty(request.Subject), NullIfEmpty(request.LetterId), request.Max);
        return Task.FromResult(ProtoMapping.ToMessage(auditTrail.Read(query).ValueOrThrow(), auditTrail.Pending));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static CaseInput ToInput(Case message, int position, RequestMapping mapping)
    {
        var prefix = $"cases[{position}].";
        return ProtoMapping.ToInput(message.ClinicalSummary, message.Items,
            mapping.Date(message.DateOfInjury, prefix + "date_of_injury"), mapping.Date(message.UrDenialDate, prefix + "ur_denial_date"), message.CaseId);
    }

    private static SearchFilters Filters(SearchPrecedentsRequest request, RequestMapping mapping)
    {
        CoreDecision? decision = null;
        if (!string.IsNullOrEmpty(request.Decision))
        {
            mapping.Require(Enum.TryParse<CoreDecision>(request.Decision, ignoreCase: true, out var parsed), "decision", $"'{request.Decision}' is not Upheld or Overturned");
            decision = parsed;
        }

        var categories = new List<ItemCategory>();
        foreach (var category in request.Categories)
        {
            mapping.Require(Enum.TryParse<ItemCategory>(category, ignoreCase: true, out var parsed) && !int.TryParse(category, out _), "categories",
                $"'{category}' is not an item category ({string.Join(", ", Enum.GetNames<ItemCategory>())})");
            categories.Add(parsed);
        }

        var sources = new List<GuidelineSource>();
        foreach (var source in request.GuidelineSources)
        {
            mapping.Require(Enum.TryParse<GuidelineSource>(source, ignoreCase: true, out var parsed) && !int.TryParse(source, out _), "guideline_sources",
                $"'{source}' is not a guideline source (Mtus, Acoem, Odg, Other)");
            sources.Add(parsed);
        }

        var from = mapping.Date(request.DecidedFrom, "decided_from");
        var to = mapping.Date(request.DecidedTo, "decided_to");
        return new SearchFilters(decision, categories.Count > 0 ? categories : null, sources.Count > 0 ? sources : null, from, to)
        {
            Criteria = request.Criteria.Count > 0 ? request.Criteria.ToList() : null,
            CountFacets = request.Facets,
        };
    }
}
