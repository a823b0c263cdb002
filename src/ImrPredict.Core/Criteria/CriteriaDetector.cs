using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// Finds, for each disputed item of a case, what the clinical summary documents of the criteria of the item's
/// category: documented, documented as absent, or not mentioned, with the evidence. Mentions are read in context
/// (<see cref="ClinicalContext"/>): a negated one documents absence, an uncertain one ("to rule out a tear") documents
/// nothing, and one in the narration of the earlier review counts only as that review's stated reason. When a letter
/// disputes several items, a sentence that names some category's treatments ("the urine drug screen was consistent with
/// the prescribed Norco") speaks for items of that category only. Reads text only: no model, no rationale.
/// </summary>
public static class CriteriaDetector
{
    /// <summary>The criteria findings of every item of a case, in the items' order.</summary>
    public static IReadOnlyList<ItemCriteria> Detect(string clinicalSummary, IReadOnlyList<string> requestedItems, CriteriaCatalogue? catalogue = null)
    {
        catalogue ??= CriteriaCatalogue.Default;
        var sentences = Sentences.Of(clinicalSummary);
        var numbers = NumberReader.Read(clinicalSummary, sentences);
        var priorReview = sentences.Select(s => ClinicalContext.IsPriorReview(clinicalSummary, s)).ToArray();
        var mentions = Mentions(catalogue, clinicalSummary, sentences, priorReview);
        var named = Named(catalogue, clinicalSummary, sentences);
        var categories = requestedItems.Select(ItemAttributeExtractor.Categorize).ToList();
        var results = new List<ItemCriteria>(requestedItems.Count);
        for (var i = 0; i < requestedItems.Count; i++)
        {
            var category = categories[i];
            var findings = new List<CriterionFinding>();
            foreach (var criterion in catalogue.For(category))
            {
                findings.Add(criterion.Scope switch
                {
                    CriterionScope.Item => InItem(catalogue, criterion, requestedItems[i]),
                    CriterionScope.Review => InReview(catalogue, criterion, clinicalSummary, sentences, priorReview, requestedItems[i]),
                    _ => Decide(criterion, mentions.GetValueOrDefault(criterion, []).Where(m => SpeaksFor(named[m.SentenceIndex], category, categories)).Select(m => m.Mention).ToList()),
                });
            }

            results.Add(new ItemCriteria(requestedItems[i], category, findings, numbers));
        }

        return results;
    }

    /// <summary>The findings of every item of a parsed letter (its summary only: never its rationales).</summary>
    public static IReadOnlyList<ItemCriteria> Detect(ImrLetter letter, CriteriaCatalogue? catalogue = null) =>
        Detect(letter.ClinicalSummary, letter.Items.Select(i => i.RequestedItem).ToList(), catalogue);

    /// <summary>
    /// Every criterion's mentions, in one pass over the text. A criterion's mentions do not overlap: at each place the
    /// longest of its terms counts, and a term inside another of its own terms ("drug screen" in "urine drug screen") does not.
    /// </summary>
    private static Dictionary<Criterion, List<(CriterionMention Mention, int SentenceIndex)>> Mentions(CriteriaCatalogue catalogue, string text, IReadOnlyList<TextSpan> sentences, bool[] priorReview)
    {
        var found = new Dictionary<Criterion, List<(CriterionMention, int)>>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            catalogue.SummaryTerms.Find(text, sentence.Start, sentence.End, (start, end, criterion) =>
            {
                if (!found.TryGetValue(criterion, out var list))
                {
                    found[criterion] = list = [];
                }
                else if (start < list[^1].Item1.Term.End)
                {
                    return;
                }

                var term = new TextSpan(start, end);
                list.Add((new CriterionMention(criterion, term, sentence, ClinicalContext.Of(text, sentence, term, priorReview[s])), s));
            });
        }

        return found;
    }

    /// <summary>For each sentence, the categories whose treatments it names.</summary>
    private static HashSet<ItemCategory>[] Named(CriteriaCatalogue catalogue, string text, IReadOnlyList<TextSpan> sentences)
    {
        var named = new HashSet<ItemCategory>[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var set = named[s] = [];
            catalogue.Anchors.Find(text, sentences[s].Start, sentences[s].End, (_, _, category) => set.Add(category));
        }

        return named;
    }

    /// <summary>
    /// Whether a sentence speaks for an item of <paramref name="category"/>: it names no treatment of the letter's items
    /// (it speaks for all), or it names this item's kind.
    /// </summary>
    private static bool SpeaksFor(HashSet<ItemCategory> named, ItemCategory category, IReadOnlyList<ItemCategory> letterCategories) =>
        named.Contains(category) || !named.Overlaps(letterCategories);

    private static CriterionFinding Decide(Criterion criterion, List<CriterionMention> mentions)
    {
        var record = mentions.Where(m => !m.Context.PriorReview).ToList();
        var cited = mentions.Count != record.Count;
        var affirmed = record.Where(m => !m.Context.Negated && !m.Context.Uncertain).ToList();
        if (affirmed.Count > 0)
        {
            return new CriterionFinding(criterion, CriterionStatus.Documented, affirmed, null, cited);
        }

        var negated = record.Where(m => m.Context.Negated && !m.Context.Uncertain).ToList();
        if (negated.Count > 0)
        {
            return new CriterionFinding(criterion, CriterionStatus.DocumentedAbsent, negated, null, cited);
        }

        // Not documented: the sentence that discusses the topic, if one does (a possibility, or the review's reasons).
        var discussion = mentions.Count > 0 ? mentions[0].Sentence : (TextSpan?)null;
        return new CriterionFinding(criterion, CriterionStatus.NotMentioned, [], discussion, cited);
    }

    private static CriterionFinding InItem(CriteriaCatalogue catalogue, Criterion criterion, string requestedItem)
    {
        var mentions = ItemMentions(catalogue, criterion, requestedItem);
        return new CriterionFinding(criterion, mentions.Count > 0 ? CriterionStatus.Documented : CriterionStatus.NotMentioned, mentions, null, false);
    }

    /// <summary>A review-scope criterion: documented when the earlier review's narration or the request as written says it.</summary>
    private static CriterionFinding InReview(CriteriaCatalogue catalogue, Criterion criterion, string text, IReadOnlyList<TextSpan> sentences, bool[] priorReview, string requestedItem)
    {
        var mentions = new List<CriterionMention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (priorReview[s])
            {
                var sentence = sentences[s];
                catalogue.ItemTerms.Find(text, sentence.Start, sentence.End, (start, end, found) =>
                {
                    if (found == criterion && (mentions.Count == 0 || start >= mentions[^1].Term.End))
                    {
                        mentions.Add(new CriterionMention(criterion, new TextSpan(start, end), sentence, new MentionContext(false, false, false, true)));
                    }
                });
            }
        }

        // Evidence in one field: the summary's narration when it says it, else the request's words.
        if (mentions.Count == 0)
        {
            mentions = ItemMentions(catalogue, criterion, requestedItem);
        }

        return new CriterionFinding(criterion, mentions.Count > 0 ? CriterionStatus.Documented : CriterionStatus.NotMentioned, mentions, null, mentions.Any(m => !m.InRequestedItem));
    }

    private static List<CriterionMention> ItemMentions(CriteriaCatalogue catalogue, Criterion criterion, string requestedItem)
    {
        var item = new TextSpan(0, requestedItem.Length);
        var mentions = new List<CriterionMention>();
        catalogue.ItemTerms.Find(requestedItem, 0, requestedItem.Length, (start, end, found) =>
        {
            if (found == criterion && (mentions.Count == 0 || start >= mentions[^1].Term.End))
            {
                mentions.Add(new CriterionMention(criterion, new TextSpan(start, end), item, default, InRequestedItem: true));
            }
        });
        return mentions;
    }
}
