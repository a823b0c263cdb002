using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ImrPredict.Search;

/// <summary>
/// Recovers the letters an index holds from its stored fields: the way an index made before the store (a bundle's
/// <c>index/</c>) hands its letters over, so an upgrade loses none. Header fields the index never stored stay empty.
/// </summary>
public static class StoredLetterReader
{
    /// <summary>The index folder inside a bundle made before the store.</summary>
    public const string LegacyBundleFolder = "index";

    /// <summary>The letters of the index folder, or why it cannot be read.</summary>
    public static Core.Results.Result<IReadOnlyList<ImrLetter>, SearchErrorCode> Read(string folder)
    {
        try
        {
            using var directory = FSDirectory.Open(folder);
            using var reader = DirectoryReader.Open(directory);
            var live = MultiFields.GetLiveDocs(reader);
            var items = new List<(string LetterId, string? CaseNumber, DateOnly? Date, string Summary, IReadOnlyList<string> Specialties, DisputedItem Item)>();
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var document = reader.Document(doc);
                var hit = PrecedentSchema.ToHit(document, 0, [], 0);
                var sources = (document.GetValues(PrecedentSchema.GuidelineSource) ?? []).Select(Enum.Parse<GuidelineSource>).ToList();
                var topics = document.GetValues(PrecedentSchema.GuidelineTopics) ?? [];
                var citations = sources.Select(s => new GuidelineCitation(s, null, null))
                    .Concat(topics.Select(t => new GuidelineCitation(sources.FirstOrDefault(GuidelineSource.Other), t, null))).ToList();
                var attributes = ItemAttributeExtractor.Extract(hit.RequestedItem) with { Category = hit.Category };
                var item = new DisputedItem(hit.ItemIndex, hit.RequestedItem, hit.Decision, null, null, null, citations,
                    document.Get(PrecedentSchema.Rationale) ?? string.Empty, attributes);
                items.Add((hit.LetterId, hit.CaseNumber, hit.DecisionDate, document.Get(PrecedentSchema.StoredSummary) ?? string.Empty,
                    document.GetValues(PrecedentSchema.Specialty) ?? [], item));
            }

            return items.GroupBy(i => i.LetterId, StringComparer.Ordinal).Select(g =>
            {
                var first = g.First();
                var header = LetterHeader.Empty with { CaseNumber = first.CaseNumber, DecisionDate = first.Date };
                return new ImrLetter(g.Key, LetterFormat.Markdown, header, new ReviewerCredentials([], first.Specialties), first.Summary,
                    g.Select(i => i.Item).OrderBy(i => i.Index).ToList());
            }).ToList();
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or ArgumentException or FormatException)
        {
            return Core.Results.Result<IReadOnlyList<ImrLetter>, SearchErrorCode>.Fail(SearchErrorCode.IndexDamaged,
                $"the index at '{folder}' cannot be read: {e.Message}");
        }
    }
}
