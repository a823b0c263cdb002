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
        var mentions = Mentions(catalogue, clinicalSummary, sentences);
        // The treatments a sentence names are read only for sentences that mention a criterion (most do not).
        var named = mentions.Values.SelectMany(list => list.Select(m => m.SentenceIndex)).Distinct()
            .ToDictionary(i => i, i => Named(catalogue, clinicalSummary[sentences[i].Start..sentences[i].End]));
        var categories = requestedItems.Select(ItemAttributeExtractor.Categorize).ToList();
        var results = new List<ItemCriteria>(requestedItems.Count);
        for (var i = 0; i < requestedItems.Count; i++)
        {
            var category = categories[i];
            var findings = new List<CriterionFinding>();
            foreach (var criterion in catalogue.For(category))
            {
                findings.Add(criterion.Scope == CriterionScope.Item
                    ? InItem(catalogue, criterion, requestedItems[i])
                    : Decide(criterion, mentions.GetValueOrDefault(criterion, []).Where(m => SpeaksFor(named[m.SentenceIndex], category, categories)).Select(m => m.Mention).ToList()));
            }

            results.Add(new ItemCriteria(requestedItems[i], category, findings, numbers));
        }

        return results;
    }

    /// <summary>The findings of every item of a parsed letter (its summary only: never its rationales).</summary>
    public static IReadOnlyList<ItemCriteria> Detect(ImrLetter letter, CriteriaCatalogue? catalogue = null) =>
        Detect(letter.ClinicalSummary, letter.Items.Select(i => i.RequestedItem).ToList(), catalogue);

    private static Dictionary<Criterion, List<(CriterionMention Mention, int SentenceIndex)>> Mentions(CriteriaCatalogue catalogue, string text, IReadOnlyList<TextSpan> sentences)
    {
        var found = new Dictionary<Criterion, List<(CriterionMention, int)>>();
        foreach (var criterion in catalogue.Criteria.Where(c => c.Scope == CriterionScope.Summary))
        {
            var pattern = catalogue.Patterns[criterion];
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = sentences[s];
                foreach (var match in pattern.EnumerateMatches(text.AsSpan(sentence.Start, sentence.Length)))
                {
                    var term = new TextSpan(sentence.Start + match.Index, sentence.Start + match.Index + match.Length);
                    var context = ClinicalContext.Of(text, sentence, term);
                    if (!found.TryGetValue(criterion, out var list))
                    {
                        found[criterion] = list = [];
                    }

                    list.Add((new CriterionMention(criterion, term, sentence, context), s));
                }
            }
        }

        return found;
    }

    /// <summary>The categories whose treatments a sentence names.</summary>
    private static HashSet<ItemCategory> Named(CriteriaCatalogue catalogue, string sentence) =>
        catalogue.Anchors.Where(a => a.Value.IsMatch(sentence)).Select(a => a.Key).ToHashSet();

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
        var item = new TextSpan(0, requestedItem.Length);
        var mentions = catalogue.Patterns[criterion].Matches(requestedItem)
            .Select(m => new CriterionMention(criterion, new TextSpan(m.Index, m.Index + m.Length), item, default))
            .ToList();
        return new CriterionFinding(criterion, mentions.Count > 0 ? CriterionStatus.Documented : CriterionStatus.NotMentioned, mentions, null, false);
    }
}
