using Google.Rpc;
using Grpc.Core;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.ML.Data;
using ImrPredict.Search;
using ImrPredict.Server.V1;
using Microsoft.Extensions.Options;
using CoreDecision = ImrPredict.Core.Letters.Decision;

namespace ImrPredict.Server;

/// <summary>The gRPC (and JSON-transcoded) API. Logs carry ids and timings, never clinical text.</summary>
public sealed partial class ImrPredictGrpcService(ModelHost host, IOptions<ImrPredictOptions> options, ILogger<ImrPredictGrpcService> logger)
    : ImrPredictService.ImrPredictServiceBase
{
    private const int MaxContributions = 20;
    private const int MaxPrecedents = 20;

    /// <inheritdoc />
    public override Task<PredictResponse> Predict(PredictRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var injury = validation.Date(request.DateOfInjury, "date_of_injury");
        var denial = validation.Date(request.UrDenialDate, "ur_denial_date");
        ValidateCase(validation, request.ClinicalSummary, request.Items, string.Empty);
        validation.Require(request.Contributions is >= 0 and <= MaxContributions, "contributions", $"must be 0 to {MaxContributions}");
        validation.Require(request.Precedents is >= 0 and <= MaxPrecedents, "precedents", $"must be 0 to {MaxPrecedents}");
        validation.Require(injury is null || denial is null || injury <= denial, "ur_denial_date", "is before the date of injury");
        validation.ThrowIfInvalid();

        var model = RequireModel();
        context.CancellationToken.ThrowIfCancellationRequested();
        var days = injury is { } i && denial is { } d ? d.DayNumber - i.DayNumber : (int?)null;
        return Task.FromResult(PredictCase(model, request.ClinicalSummary, request.Items.Select(x => x.RequestedItem).ToList(), days, request.Contributions, request.Precedents, context.CancellationToken));
    }

    /// <inheritdoc />
    public override Task<PredictLetterResponse> PredictLetter(PredictLetterRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Require(request.LetterCase != PredictLetterRequest.LetterOneofCase.None, "letter", "give the letter as text or as PDF bytes");
        validation.Require(request.Contributions is >= 0 and <= MaxContributions, "contributions", $"must be 0 to {MaxContributions}");
        validation.Require(request.Precedents is >= 0 and <= MaxPrecedents, "precedents", $"must be 0 to {MaxPrecedents}");
        validation.ThrowIfInvalid();

        var parsed = request.LetterCase == PredictLetterRequest.LetterOneofCase.Pdf
            ? LetterReader.ReadBytes(request.Pdf.ToByteArray())
            : LetterReader.ReadBytes(System.Text.Encoding.UTF8.GetBytes(request.Text));
        if (!parsed.TryGetValue(out var letter))
        {
            var field = request.LetterCase == PredictLetterRequest.LetterOneofCase.Pdf ? "pdf" : "text";
            validation.Require(false, field, $"{parsed.Error!.Code}: {parsed.Error.Message}");
            validation.ThrowIfInvalid();
        }

        var model = RequireModel();
        var prediction = PredictCase(model, letter!.ClinicalSummary, letter.Items.Select(i => i.RequestedItem).ToList(), letter.DaysFromInjuryToUrDenial,
            request.Contributions, request.Precedents, context.CancellationToken);
        return Task.FromResult(new PredictLetterResponse
        {
            LetterId = letter.LetterId,
            CaseNumber = letter.Header.CaseNumber ?? string.Empty,
            ClinicalSummary = letter.ClinicalSummary,
            Prediction = prediction,
        });
    }

    /// <inheritdoc />
    public override Task<RankCasesResponse> RankCases(RankCasesRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Require(request.Cases.Count > 0, "cases", "give at least one case");
        validation.Require(request.Cases.Count <= options.Value.MaxCasesPerRanking, "cases", $"at most {options.Value.MaxCasesPerRanking} cases per ranking");
        for (var i = 0; i < Math.Min(request.Cases.Count, options.Value.MaxCasesPerRanking); i++)
        {
            ValidateCase(validation, request.Cases[i].ClinicalSummary, request.Cases[i].Items, $"cases[{i}].");
        }

        validation.ThrowIfInvalid();
        return Task.FromResult(Rank(RequireModel(), request.Cases, context.CancellationToken));
    }

    /// <inheritdoc />
    public override async Task<RankCasesResponse> RankCasesStream(IAsyncStreamReader<Case> requestStream, ServerCallContext context)
    {
        var cases = new List<Case>();
        var validation = new RequestValidation();
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            if (cases.Count >= options.Value.MaxCasesPerRanking)
            {
                validation.Require(false, "cases", $"at most {options.Value.MaxCasesPerRanking} cases per ranking");
                break;
            }

            ValidateCase(validation, item.ClinicalSummary, item.Items, $"cases[{cases.Count}].");
            cases.Add(item);
        }

        validation.Require(cases.Count > 0, "cases", "the stream held no case");
        validation.ThrowIfInvalid();
        return Rank(RequireModel(), cases, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<SearchPrecedentsResponse> SearchPrecedents(SearchPrecedentsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var filters = Filters(request, validation);
        var byText = !string.IsNullOrWhiteSpace(request.Query);
        validation.Require(byText || !string.IsNullOrWhiteSpace(request.ClinicalSummary) || !string.IsNullOrWhiteSpace(request.RequestedItem),
            "query", "give a query, or a clinical summary and requested item to search by case");
        validation.ThrowIfInvalid();

        var index = RequirePrecedents();
        var pageSize = request.PageSize == 0 ? 10 : request.PageSize;
        var found = byText
            ? index.SearchByText(request.Query, filters!, pageSize, request.Page)
            : index.SearchByCase(request.ClinicalSummary, request.RequestedItem, filters!, pageSize, request.Page);
        var page = Unwrap(found, validation);
        var response = new SearchPrecedentsResponse { TotalMatches = page.TotalMatches, Page = page.Page };
        response.Hits.AddRange(page.Hits.Select(ToMessage));
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<PrecedentDetail> GetPrecedent(GetPrecedentRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Require(!string.IsNullOrWhiteSpace(request.Id), "id", "the precedent id is empty");
        validation.ThrowIfInvalid();
        var precedent = Unwrap(RequirePrecedents().Get(request.Id), validation);
        var detail = new PrecedentDetail { Hit = ToMessage(precedent.Hit), ClinicalSummary = precedent.ClinicalSummary, Rationale = precedent.Rationale };
        detail.GuidelineTopics.AddRange(precedent.GuidelineTopics);
        detail.ReviewerSpecialties.AddRange(precedent.ReviewerSpecialties);
        return Task.FromResult(detail);
    }

    /// <inheritdoc />
    public override Task<ModelInfo> GetModelInfo(GetModelInfoRequest request, ServerCallContext context)
    {
        var model = RequireModel();
        var manifest = model.Manifest;
        return Task.FromResult(new ModelInfo
        {
            BundleVersion = manifest.BundleVersion,
            CorpusKind = manifest.CorpusKind,
            CreatedUtc = manifest.CreatedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Threshold = manifest.Threshold.Value,
            Rows = manifest.Rows,
            ValidationRocAuc = manifest.Metrics.Model.RocAuc,
            ManifestJson = System.Text.Json.JsonSerializer.Serialize(manifest, ML.Bundles.ModelManifest.JsonOptions),
            Precedents = model.Precedents?.Count ?? 0,
            LastLoadError = host.LastError ?? string.Empty,
        });
    }

    /// <inheritdoc />
    public override Task<AddDeterminationsResponse> AddDeterminations(AddDeterminationsRequest request, ServerCallContext context)
    {
        RequireApiKey(context);
        var validation = new RequestValidation();
        validation.Require(request.Letters.Count > 0, "letters", "give at least one letter");
        validation.Require(request.Letters.Count <= options.Value.MaxLettersPerAdd, "letters", $"at most {options.Value.MaxLettersPerAdd} letters per call");
        validation.ThrowIfInvalid();
        var index = RequirePrecedents();

        var response = new AddDeterminationsResponse();
        var letters = new List<ImrLetter>();
        for (var i = 0; i < request.Letters.Count; i++)
        {
            var content = request.Letters[i];
            var parsed = content.ContentCase switch
            {
                LetterContent.ContentOneofCase.Pdf => LetterReader.ReadBytes(content.Pdf.ToByteArray()),
                LetterContent.ContentOneofCase.Text => LetterReader.ReadBytes(System.Text.Encoding.UTF8.GetBytes(content.Text)),
                _ => ParseResult<ImrLetter>.Fail(ParseErrorCode.Empty, "the letter has neither text nor PDF bytes"),
            };
            if (parsed.TryGetValue(out var letter))
            {
                letters.Add(letter);
            }
            else
            {
                response.Errors.Add(new LetterError { Index = i, Source = content.Source, Code = parsed.Error!.Code.ToString(), Message = parsed.Error.Message });
            }
        }

        // Committed before the answer: an acknowledged letter survives a crash.
        response.ItemsAdded = letters.Count == 0 ? 0 : index.AddLetters(letters);
        response.LettersAdded = letters.Count;
        response.Precedents = index.Count;
        LogAdded(logger, letters.Count, response.Errors.Count);
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<ModelInfo> ReloadModel(ReloadModelRequest request, ServerCallContext context)
    {
        RequireApiKey(context);
        var validation = new RequestValidation();
        validation.Require(request.Bundle.Length == 0 || (request.Bundle.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && request.Bundle is not ("." or "..")),
            "bundle", "must be a bundle folder name inside the models folder");
        validation.ThrowIfInvalid();
        var directory = request.Bundle.Length == 0 ? host.BundleDirectory : Path.Combine(Path.GetDirectoryName(host.BundleDirectory)!, request.Bundle);
        if (!host.TryLoad(directory))
        {
            throw RequestValidation.Failed(Code.FailedPrecondition, $"the bundle was refused and the previous one keeps serving: {host.LastError}");
        }

        return GetModelInfo(new GetModelInfoRequest(), context);
    }

    private void RequireApiKey(ServerCallContext context)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            throw RequestValidation.Failed(Code.Unauthenticated, "this call needs an API key and none is configured on the server (ImrPredict:ApiKey)");
        }

        var given = context.RequestHeaders.GetValue("x-api-key") ?? string.Empty;
        var matches = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
        if (!matches)
        {
            throw RequestValidation.Failed(Code.Unauthenticated, given.Length == 0 ? "the x-api-key header is missing" : "the x-api-key header is wrong");
        }
    }

    private PredictResponse PredictCase(ServingModel model, string summary, IReadOnlyList<string> items, int? days, int contributions, int precedents, CancellationToken cancellationToken)
    {
        var response = new PredictResponse { ModelVersion = model.Manifest.BundleVersion, Threshold = model.Predictor.Threshold };
        for (var index = 0; index < items.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = ItemAttributeExtractor.Extract(items[index]);
            var row = ItemRows.From("request", index, summary, items[index], attributes, false, days, items.Count);
            var prediction = model.Predictor.Predict(row, contributions);
            var message = new ItemPrediction
            {
                RequestedItem = items[index],
                Category = attributes.Category.ToString(),
                POverturned = prediction.POverturned,
                Decision = prediction.Decision.ToString(),
            };
            message.Contributions.AddRange(prediction.Contributions.Select(c => new Contribution { Feature = c.Feature, Weight = c.Weight }));
            if (precedents > 0 && model.Precedents is { } index2)
            {
                var found = index2.SearchByCase(summary, items[index], SearchFilters.None, precedents);
                if (found.Success)
                {
                    message.Precedents.AddRange(found.Value.Hits.Select(ToMessage));
                }
            }

            response.Items.Add(message);
        }

        return response;
    }

    private static RankCasesResponse Rank(ServingModel model, IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var rows = new List<(string CaseId, int Index, string Item, ItemRow Row)>();
        for (var c = 0; c < cases.Count; c++)
        {
            var @case = cases[c];
            var caseId = string.IsNullOrEmpty(@case.CaseId) ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : @case.CaseId;
            for (var i = 0; i < @case.Items.Count; i++)
            {
                var item = @case.Items[i].RequestedItem;
                rows.Add((caseId, i, item, ItemRows.From(caseId, i, @case.ClinicalSummary, item, ItemAttributeExtractor.Extract(item), false, null, @case.Items.Count)));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var probabilities = model.Predictor.PredictBatch(rows.Select(r => r.Row).ToList());
        var response = new RankCasesResponse { ModelVersion = model.Manifest.BundleVersion };
        response.Items.AddRange(rows.Select((r, k) => new RankedItem
        {
            CaseId = r.CaseId,
            ItemIndex = r.Index,
            RequestedItem = r.Item,
            POverturned = probabilities[k],
            Decision = model.Predictor.DecisionFor(probabilities[k]).ToString(),
        }).OrderByDescending(r => r.POverturned).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.ItemIndex));
        return response;
    }

    private void ValidateCase(RequestValidation validation, string summary, IReadOnlyCollection<ItemRequest> items, string prefix)
    {
        var limits = options.Value;
        validation.Require(!string.IsNullOrWhiteSpace(summary), prefix + "clinical_summary", "the clinical summary is empty");
        validation.Require(summary.Length <= limits.MaxSummaryChars, prefix + "clinical_summary", $"the clinical summary is {summary.Length:N0} characters; at most {limits.MaxSummaryChars:N0}");
        validation.Require(items.Count > 0, prefix + "items", "give at least one requested item");
        validation.Require(items.Count <= limits.MaxItemsPerCase, prefix + "items", $"{items.Count} items; at most {limits.MaxItemsPerCase} per case");
        var index = 0;
        foreach (var item in items.Take(limits.MaxItemsPerCase))
        {
            validation.Require(!string.IsNullOrWhiteSpace(item.RequestedItem), $"{prefix}items[{index}].requested_item", "the requested item is empty");
            validation.Require(item.RequestedItem.Length <= limits.MaxItemChars, $"{prefix}items[{index}].requested_item", $"at most {limits.MaxItemChars} characters");
            index++;
        }
    }

    private static SearchFilters? Filters(SearchPrecedentsRequest request, RequestValidation validation)
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
        validation.Require(from is null || to is null || from <= to, "decided_from", "the date range is out of order");
        validation.Require(request.PageSize is >= 0 and <= PrecedentIndex.MaxPageSize, "page_size", $"must be 0 (default 10) to {PrecedentIndex.MaxPageSize}");
        validation.Require(request.Page is >= 0 and <= 1000, "page", "must be 0 to 1000");
        return new SearchFilters(decision, categories.Count > 0 ? categories : null, sources.Count > 0 ? sources : null, from, to);
    }

    private static T Unwrap<T>(SearchResult<T> result, RequestValidation validation)
    {
        if (result.Success)
        {
            return result.Value;
        }

        switch (result.Error.Code)
        {
            case SearchErrorCode.InvalidArgument:
                validation.Require(false, result.Error.Field ?? "request", result.Error.Message);
                validation.ThrowIfInvalid();
                break;
            case SearchErrorCode.NotFound:
                throw RequestValidation.Failed(Code.NotFound, result.Error.Message);
        }

        throw RequestValidation.Failed(Code.Unavailable, result.Error.Message);
    }

    private ServingModel RequireModel() =>
        host.Current ?? throw RequestValidation.Failed(Code.FailedPrecondition,
            host.LastError is { } reason ? $"no model is loaded: {reason}" : "no model is loaded yet (the default bundle may still be building)");

    private PrecedentIndex RequirePrecedents() =>
        RequireModel().Precedents ?? throw RequestValidation.Failed(Code.FailedPrecondition, "the serving bundle has no precedent index");

    private static V1.PrecedentHit ToMessage(Search.PrecedentHit hit) => new()
    {
        Id = hit.Id,
        LetterId = hit.LetterId,
        CaseNumber = hit.CaseNumber ?? string.Empty,
        RequestedItem = hit.RequestedItem,
        Category = hit.Category.ToString(),
        Decision = hit.Decision.ToString(),
        DecisionDate = hit.DecisionDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Score = hit.Score,
        Passages = { hit.Passages },
        CollapsedDuplicates = hit.CollapsedDuplicates,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Letters} letters to the precedent index; {Errors} refused")]
    private static partial void LogAdded(ILogger logger, int letters, int errors);
}
