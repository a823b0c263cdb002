using System.Globalization;
using ImrPredict.Application.Cases;
using ImrPredict.Application.Cases.Explanations;
using ImrPredict.Application.Letters;
using ImrPredict.Application.Models;
using ImrPredict.Server.V1;
using ImrPredict.Store;
using SearchHit = ImrPredict.Search.PrecedentHit;

namespace ImrPredict.Server;

/// <summary>Small maps between the API's messages and the application's domain records, one per shape.</summary>
internal static class ProtoMapping
{
    public static CaseInput ToInput(string summary, IEnumerable<ItemRequest> items, DateOnly? injury, DateOnly? denial, string? caseId = null) =>
        new(summary, items.Select(i => i.RequestedItem).ToList(), injury, denial, string.IsNullOrEmpty(caseId) ? null : caseId);

    public static PredictResponse ToMessage(CaseAssessment assessment)
    {
        var response = new PredictResponse { ModelVersion = assessment.ModelVersion, Threshold = assessment.Threshold };
        foreach (var item in assessment.Items)
        {
            var message = new ItemPrediction
            {
                RequestedItem = item.RequestedItem,
                Category = item.Category.ToString(),
                POverturned = item.POverturned,
                Decision = item.Decision.ToString(),
                LowSupport = item.LowSupport,
            };
            if (item.CategorySupport is { } support)
            {
                message.CategorySupport = support;
            }

            message.Contributions.AddRange(item.Contributions.Select(ToMessage));
            message.Reasons.AddRange(item.Reasons.Select(ToMessage));
            message.Precedents.AddRange(item.Precedents.Select(ToMessage));
            message.Criteria.AddRange((item.Criteria ?? []).Select(ToMessage));
            response.Items.Add(message);
        }

        return response;
    }

    public static Contribution ToMessage(ExplainedContribution explained) => new()
    {
        Feature = explained.Contribution.Feature,
        Weight = explained.Contribution.Weight,
        Source = explained.Contribution.Source.ToString(),
        Words = explained.Contribution.Words,
        Value = explained.Contribution.Value,
        Present = explained.Present,
        Field = FieldName(explained.Field),
        Spans = { explained.Spans.Select(ToMessage) },
    };

    public static V1.Reason ToMessage(Application.Cases.Explanations.Reason reason) => new()
    {
        Text = reason.Text,
        Weight = reason.Weight,
        Present = reason.Present,
        Field = FieldName(reason.Field),
        Words = reason.Words,
        Spans = { reason.Spans.Select(ToMessage) },
        Features = { reason.Features },
        Kind = reason.Kind.ToString().ToLowerInvariant(),
        Criterion = reason.Criterion ?? string.Empty,
        Status = reason.Status is { } status ? StatusName(status) : string.Empty,
    };

    public static CriterionCheck ToMessage(Core.Criteria.CriterionFinding finding)
    {
        var check = new CriterionCheck
        {
            Id = finding.Criterion.Id,
            Text = finding.Criterion.Text,
            Guideline = finding.Criterion.Guideline,
            Status = StatusName(finding.Status),
            Favours = finding.Criterion.Favours == Core.Criteria.CriterionEffect.Supports ? "supports" : "against",
            FavoursRequest = finding.FavoursRequest,
            WeighsAgainstRequest = finding.WeighsAgainstRequest,
            Field = finding.Evidence.FirstOrDefault()?.InRequestedItem ?? finding.Criterion.Scope == Core.Criteria.CriterionScope.Item ? "requestedItem" : "clinicalSummary",
            Spans = { finding.Evidence.Select(e => ToMessage(e.Term)) },
            CitedByReview = finding.CitedByReview,
        };
        if (finding.Discussion is { } discussion)
        {
            check.Discussion = ToMessage(discussion);
        }

        return check;
    }

    private static string StatusName(Core.Criteria.CriterionStatus status) => status switch
    {
        Core.Criteria.CriterionStatus.Documented => "documented",
        Core.Criteria.CriterionStatus.DocumentedAbsent => "documented_absent",
        _ => "not_mentioned",
    };

    public static V1.TextSpan ToMessage(Core.Text.TextSpan span) => new() { Start = span.Start, End = span.End };

    /// <summary>The request field a span indexes, named as in the API's JSON.</summary>
    private static string FieldName(CaseField field) => field switch
    {
        CaseField.ClinicalSummary => "clinicalSummary",
        CaseField.RequestedItem => "requestedItem",
        _ => string.Empty,
    };

    public static PredictLetterResponse ToMessage(LetterAssessment letter) => new()
    {
        LetterId = letter.LetterId,
        CaseNumber = letter.CaseNumber ?? string.Empty,
        ClinicalSummary = letter.ClinicalSummary,
        Prediction = ToMessage(letter.Assessment),
        Layout = letter.Layout.ToString(),
        Warnings = { letter.Warnings.Select(ToMessage) },
        DateOfInjury = letter.DateOfInjury?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        UrDenialDate = letter.UrDenialDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static V1.ParseWarning ToMessage(Core.Letters.ParseWarning warning) => new() { Code = warning.Code.ToString(), Message = warning.Message };

    public static RankCasesResponse ToMessage(CaseRanking ranking)
    {
        var response = new RankCasesResponse { ModelVersion = ranking.ModelVersion };
        response.Items.AddRange(ranking.Items.Select(r => new V1.RankedItem
        {
            CaseId = r.CaseId,
            ItemIndex = r.ItemIndex,
            RequestedItem = r.RequestedItem,
            POverturned = r.POverturned,
            Decision = r.Decision.ToString(),
            Category = r.Category.ToString(),
            LowSupport = r.LowSupport,
            TopReason = r.TopReason is { } reason ? ToMessage(reason) : null,
        }));
        return response;
    }

    public static V1.PrecedentHit ToMessage(SearchHit hit) => new()
    {
        Id = hit.Id,
        LetterId = hit.LetterId,
        CaseNumber = hit.CaseNumber ?? string.Empty,
        RequestedItem = hit.RequestedItem,
        Category = hit.Category.ToString(),
        Decision = hit.Decision.ToString(),
        DecisionDate = hit.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        Score = hit.Score,
        Passages = { hit.Passages.Select(p => p.Marked) },
        PassageMatches = { hit.Passages.Select(p => new V1.Passage { Text = p.Text, Start = p.Start, Matches = { p.Matches.Select(ToMessage) } }) },
        CollapsedDuplicates = hit.CollapsedDuplicates,
        Generated = hit.Generated,
        Exact = hit.Exact,
    };

    public static SearchPrecedentsResponse ToMessage(Search.PrecedentPage page)
    {
        var response = new SearchPrecedentsResponse
        {
            TotalMatches = page.TotalMatches,
            Page = page.Page,
            Notice = page.Notice ?? string.Empty,
            Mode = Search.Semantic.SearchModes.Name(page.Mode),
        };
        response.Hits.AddRange(page.Hits.Select(ToMessage));
        response.Facets.AddRange(page.Facets.Select(f => new V1.CriterionFacet
        {
            Criterion = f.CriterionId,
            Text = f.Label,
            Status = f.Status,
            Upheld = f.Upheld,
            Overturned = f.Overturned,
            Filter = $"{f.CriterionId}={f.Status}",
        }));
        return response;
    }

    public static PrecedentDetail ToMessage(Search.Precedent precedent)
    {
        var detail = new PrecedentDetail { Hit = ToMessage(precedent.Hit), ClinicalSummary = precedent.ClinicalSummary, Rationale = precedent.Rationale };
        detail.GuidelineTopics.AddRange(precedent.GuidelineTopics);
        detail.ReviewerSpecialties.AddRange(precedent.ReviewerSpecialties);
        detail.SummaryMatches.AddRange(precedent.SummaryMatches.Select(ToMessage));
        detail.RationaleMatches.AddRange(precedent.RationaleMatches.Select(ToMessage));
        detail.LetterItems.AddRange(precedent.LetterItems.Select(i => new V1.LetterItem
        {
            Id = i.Id,
            RequestedItem = i.RequestedItem,
            Category = i.Category.ToString(),
            Decision = i.Decision.ToString(),
            GuidelineSources = { i.GuidelineSources.Select(g => g.ToString()) },
            GuidelineTopics = { i.GuidelineTopics },
        }));
        return detail;
    }

    public static ModelInfo ToMessage(ModelDescription description) => new()
    {
        BundleVersion = description.Manifest.BundleVersion,
        CorpusKind = description.Manifest.CorpusKind,
        CreatedUtc = description.Manifest.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
        Threshold = description.Manifest.Threshold.Value,
        Rows = description.Manifest.Rows,
        ValidationRocAuc = description.Manifest.Metrics.Model.RocAuc,
        ManifestJson = System.Text.Json.JsonSerializer.Serialize(description.Manifest, ML.Bundles.ModelManifest.JsonOptions),
        Precedents = description.Precedents,
        LastLoadError = description.LastLoadError ?? string.Empty,
        ReportFiles = { description.ReportFiles },
        PromotedUtc = description.Promotion?.PromotedUtc.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        PromotionReason = description.Promotion?.Reason ?? string.Empty,
        PreviousVersion = description.Promotion?.Previous ?? string.Empty,
        Calibration = description.Manifest.Calibration?.Method.ToString() ?? string.Empty,
        CategorySupport = { description.Manifest.CategorySupport.Select(s => new V1.CategorySupport { Category = s.Category, Items = s.Items, Overturned = s.Overturned }) },
        LowSupportBelow = description.Manifest.LowSupportBelow,
        RecalibratedFrom = description.Manifest.RecalibratedFrom ?? string.Empty,
        TrainedOnGenerated = description.Manifest.TrainedOnGenerated,
        TrainedOn = { description.Manifest.DataSources },
        Embedded = description.Embedded,
        EmbeddingPending = description.EmbeddingPending,
        EmbeddingProblem = description.EmbeddingProblem ?? string.Empty,
    };

    public static ListDeterminationsResponse ToMessage(IReadOnlyList<Store.LetterSummary> letters) => new()
    {
        Letters =
        {
            letters.Select(l => new ListedLetter
            {
                LetterId = l.LetterId,
                CaseNumber = l.CaseNumber ?? string.Empty,
                Source = l.Source,
                ReceivedUtc = l.ReceivedUtc.ToString("O", CultureInfo.InvariantCulture),
                Status = l.Status,
                Items = l.Items,
                ErrorCode = l.ErrorCode ?? string.Empty,
                ErrorMessage = l.ErrorMessage ?? string.Empty,
                Sequence = l.Sequence,
            }),
        },
    };

    public static Names ToNames() => new()
    {
        Categories = { Core.Letters.ItemCategoryNames.All.Select(c => new NamedCode { Code = c.Category.ToString(), Label = c.Label, FullName = c.Label }) },
        GuidelineSources = { Core.Letters.GuidelineSourceNames.All.Select(s => new NamedCode { Code = s.Source.ToString(), Label = s.Label, FullName = s.FullName }) },
    };

    public static Google.Api.HttpBody ToReportBody(string name, byte[] content) => new()
    {
        ContentType = name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "text/markdown; charset=utf-8",
        Data = Google.Protobuf.ByteString.CopyFrom(content),
    };

    public static LetterSubmission ToSubmission(LetterContent content) => new(content.ContentCase switch
    {
        LetterContent.ContentOneofCase.Pdf => content.Pdf.ToByteArray(),
        LetterContent.ContentOneofCase.Text => System.Text.Encoding.UTF8.GetBytes(content.Text),
        // Neither: kept as a refused, empty letter, as any letter the parser cannot read is.
        _ => [],
    }, content.Source);

    public static AddDeterminationsResponse ToMessage(AddedLetters added)
    {
        var response = new AddDeterminationsResponse
        {
            LettersAdded = added.LettersAdded,
            ItemsAdded = added.ItemsAdded,
            Precedents = added.Precedents,
            Sequence = added.Sequence,
            Searchable = added.Searchable,
            LetterIds = { added.LetterIds },
        };
        response.Errors.AddRange(added.Rejections.Select(r => new LetterError { Index = r.Index, Source = r.Source, Code = r.Code, Message = r.Message }));
        response.Warnings.AddRange(added.Warnings.Select(w => new V1.LetterWarnings
        {
            Index = w.Index,
            Source = w.Source,
            LetterId = w.LetterId,
            Warnings = { w.Warnings.Select(ToMessage) },
        }));
        return response;
    }

    public static ListAuditRecordsResponse ToMessage(IReadOnlyList<Store.Audit.AuditRecord> records, long pending)
    {
        var response = new ListAuditRecordsResponse { Pending = pending };
        response.Records.AddRange(records.Select(r => new V1.AuditRecord
        {
            Sequence = r.Sequence,
            Time = r.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Subject = r.Subject,
            Name = r.Name ?? string.Empty,
            Role = r.Role,
            Scheme = r.Scheme,
            Action = r.Action,
            Outcome = r.Outcome,
            PrecedentIds = { r.PrecedentIds },
            LetterIds = { r.LetterIds },
            RequestId = r.RequestId ?? string.Empty,
            ClientAddress = r.ClientAddress ?? string.Empty,
        }));
        return response;
    }
}
