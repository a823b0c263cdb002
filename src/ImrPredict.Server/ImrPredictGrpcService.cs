using Grpc.Core;
using ImrPredict.Server.Security;
using Microsoft.AspNetCore.Authorization;
using ImrPredict.Application;
using ImrPredict.Application.Audit;
using ImrPredict.Application.Cases;
using ImrPredict.Application.Determinations;
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
/// The gRPC (and JSON-transcoded) API: each call validates its message, maps it to the application's terms, calls one
/// use case and maps the answer back. Errors leave through <see cref="ErrorStatus"/>. Each call declares the least role it
/// needs here, in its <see cref="AuthorizeAttribute"/> (<see cref="AccessRoles"/>), for gRPC and JSON alike. Logs carry ids
/// and timings, never clinical text.
/// </summary>
public sealed class ImrPredictGrpcService(
    AssessCase assessCase,
    AssessLetter assessLetter,
    RankCases rankCases,
    SearchPrecedents searchPrecedents,
    AddDeterminations addDeterminations,
    DeleteDetermination deleteDetermination,
    ListDeterminations listDeterminations,
    ManageModel manageModel,
    AuditTrail auditTrail,
    IOptions<ServiceLimits> limits)
    : ImrPredictService.ImrPredictServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<PredictResponse> Predict(PredictRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var injury = validation.Date(request.DateOfInjury, "date_of_injury");
        var denial = validation.Date(request.UrDenialDate, "ur_denial_date");
        var input = ProtoMapping.ToInput(request.ClinicalSummary, request.Items, injury, denial);
        validation.Add(CaseValidator.Check(input, limits.Value));
        RequireExplanationCounts(validation, request.Contributions, request.Precedents);
        validation.ThrowIfInvalid();
        var assessed = assessCase.Run(input, request.Contributions, request.Precedents, context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(assessed.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<PredictLetterResponse> PredictLetter(PredictLetterRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Require(request.LetterCase != PredictLetterRequest.LetterOneofCase.None, "letter", "give the letter as text or as PDF bytes");
        RequireExplanationCounts(validation, request.Contributions, request.Precedents);
        validation.ThrowIfInvalid();
        var (content, field) = request.LetterCase == PredictLetterRequest.LetterOneofCase.Pdf
            ? (request.Pdf.ToByteArray(), "pdf")
            : (System.Text.Encoding.UTF8.GetBytes(request.Text), "text");
        var assessed = assessLetter.Run(content, field, request.Contributions, request.Precedents, context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(assessed.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Triage)]
    public override Task<RankCasesResponse> RankCases(RankCasesRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var limit = limits.Value.MaxCasesPerRanking;
        validation.Require(request.Cases.Count > 0, "cases", "give at least one case");
        validation.Require(request.Cases.Count <= limit, "cases", $"at most {limit} cases per ranking");
        var cases = request.Cases.Take(limit).Select((c, i) => ToInput(c, i, validation)).ToList();
        validation.ThrowIfInvalid();
        return Task.FromResult(ProtoMapping.ToMessage(rankCases.Run(cases, context.CancellationToken, request.TopReasons).ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Triage)]
    public override async Task<RankCasesResponse> RankCasesStream(IAsyncStreamReader<Case> requestStream, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var limit = limits.Value.MaxCasesPerRanking;
        var cases = new List<CaseInput>();
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (cases.Count >= limit)
            {
                validation.Require(false, "cases", $"at most {limit} cases per ranking");
                break;
            }

            cases.Add(ToInput(item, cases.Count, validation));
        }

        validation.Require(cases.Count > 0, "cases", "the stream held no case");
        validation.ThrowIfInvalid();
        return ProtoMapping.ToMessage(rankCases.Run(cases, context.CancellationToken).ValueOrThrow());
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Reader)]
    public override Task<SearchPrecedentsResponse> SearchPrecedents(SearchPrecedentsRequest request, ServerCallContext context)
    {
        // The filters' words are mapped here (a bad one is named with its field); what a search needs is the use case's rule.
        var validation = new RequestValidation();
        var filters = Filters(request, validation);
        validation.ThrowIfInvalid();
        var query = new PrecedentQuery(request.Query, request.ClinicalSummary, request.RequestedItem, filters, request.PageSize == 0 ? 10 : request.PageSize, request.Page, request.Mode);
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
    public override Task<Google.Api.HttpBody> GetModelReport(GetModelReportRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Name), "name", "give a report file name");
        validation.ThrowIfInvalid();
        return Task.FromResult(ProtoMapping.ToReportBody(request.Name, manageModel.ReportFile(request.Name).ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<AddDeterminationsResponse> AddDeterminations(AddDeterminationsRequest request, ServerCallContext context)
    {
        var added = addDeterminations.Run(request.Letters.Select(ProtoMapping.ToSubmission).ToList(), context.CancellationToken);
        return Task.FromResult(ProtoMapping.ToMessage(added.ValueOrThrow()));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<DeleteDeterminationResponse> DeleteDetermination(DeleteDeterminationRequest request, ServerCallContext context)
    {
        var sequence = deleteDetermination.Run(request.LetterId, context.CancellationToken).ValueOrThrow();
        return Task.FromResult(new DeleteDeterminationResponse { Sequence = sequence });
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ListDeterminationsResponse> ListDeterminations(ListDeterminationsRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(listDeterminations.Run(request.Max).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ModelInfo> ReloadModel(ReloadModelRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToMessage(manageModel.Reload(request.Bundle).ValueOrThrow()));

    /// <inheritdoc />
    [Authorize(Policy = AccessRoles.Admin)]
    public override Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        DateTimeOffset? since = null;
        if (request.Since.Length > 0)
        {
            validation.Require(DateTimeOffset.TryParse(request.Since, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var parsed), "since", "not a date (yyyy-MM-dd) or an ISO 8601 time");
            since = parsed;
        }

        validation.Require(request.Max is >= 0 and <= 1000, "max", "must be 0 (default 100) to 1000");
        validation.ThrowIfInvalid();
        var query = new Store.Audit.AuditQuery(since, NullIfEmpty(request.Subject), NullIfEmpty(request.LetterId), request.Max == 0 ? 100 : request.Max);
        return Task.FromResult(ProtoMapping.ToMessage(auditTrail.Read(query).ValueOrThrow(), auditTrail.Pending));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private void RequireExplanationCounts(RequestValidation validation, int contributions, int precedents)
    {
        var limit = limits.Value;
        validation.Require(contributions >= 0 && contributions <= limit.MaxContributions, "contributions", $"must be 0 to {limit.MaxContributions}");
        validation.Require(precedents >= 0 && precedents <= limit.MaxPrecedents, "precedents", $"must be 0 to {limit.MaxPrecedents}");
    }

    private CaseInput ToInput(Case message, int position, RequestValidation validation)
    {
        var prefix = $"cases[{position}].";
        var input = ProtoMapping.ToInput(message.ClinicalSummary, message.Items,
            validation.Date(message.DateOfInjury, prefix + "date_of_injury"), validation.Date(message.UrDenialDate, prefix + "ur_denial_date"), message.CaseId);
        validation.Add(CaseValidator.Check(input, limits.Value, prefix));
        return input;
    }

    private SearchFilters Filters(SearchPrecedentsRequest request, RequestValidation validation)
    {
        CoreDecision? decision = null;
        if (!string.IsNullOrEmpty(request.Decision))
        {
            validation.Require(Enum.TryParse<CoreDecision>(request.Decision, ignoreCase: true, out var parsed), "decision", $"'{request.Decision}' is not Upheld or Overturned");
            decision = parsed;
        }

        var categories = new List<ItemCategory>();
        foreach (var category in request.Categories)
        {
            validation.Require(Enum.TryParse<ItemCategory>(category, ignoreCase: true, out var parsed) && !int.TryParse(category, out _), "categories",
                $"'{category}' is not an item category ({string.Join(", ", Enum.GetNames<ItemCategory>())})");
            categories.Add(parsed);
        }

        var sources = new List<GuidelineSource>();
        foreach (var source in request.GuidelineSources)
        {
            validation.Require(Enum.TryParse<GuidelineSource>(source, ignoreCase: true, out var parsed) && !int.TryParse(source, out _), "guideline_sources",
                $"'{source}' is not a guideline source (Mtus, Acoem, Odg, Other)");
            sources.Add(parsed);
        }

        var from = validation.Date(request.DecidedFrom, "decided_from");
        var to = validation.Date(request.DecidedTo, "decided_to");
        var limit = limits.Value;
        validation.Require(from is null || to is null || from <= to, "decided_from", "the date range is out of order");
        validation.Require(request.PageSize >= 0 && request.PageSize <= limit.MaxPageSize, "page_size", $"must be 0 (default 10) to {limit.MaxPageSize}");
        validation.Require(request.Page >= 0 && request.Page <= limit.MaxPage, "page", $"must be 0 to {limit.MaxPage}");
        foreach (var criterion in request.Criteria)
        {
            validation.Require(CriteriaFacets.Parse(criterion) is not null, "criteria",
                $"'{criterion}' is not a criterion status: a criterion id and documented or absent, as opioid.functional-improvement=documented");
        }

        return new SearchFilters(decision, categories.Count > 0 ? categories : null, sources.Count > 0 ? sources : null, from, to)
        {
            Criteria = request.Criteria.Count > 0 ? request.Criteria.ToList() : null,
            CountFacets = request.Facets,
        };
    }
}
