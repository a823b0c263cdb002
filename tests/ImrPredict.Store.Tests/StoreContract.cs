using System.Text;
using System.Text.Json;
using ImrPredict.Core.Json;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.Synthetic;

namespace ImrPredict.Store.Tests;

/// <summary>What every store engine must do; each engine's test class runs all of it.</summary>
public abstract class StoreContract : IDisposable
{
    private readonly TestStore _store;

    protected StoreContract(TestStore store) => _store = store;

    private static readonly LetterGenerator Generator = new(seed: 404);

    private static LetterSubmission Markdown(int index) => new(Encoding.UTF8.GetBytes(LetterRenderer.Markdown(Generator.Generate(index))), $"letter-{index}.md");

    private static LetterSubmission Pdf(int index) => new(LetterRenderer.Pdf(Generator.Generate(index)), $"letter-{index}.pdf");

    [Fact]
    public void A_letter_is_kept_with_its_bytes_and_parse_and_re_adding_it_changes_nothing()
    {
        var store = _store.Open();
        var submission = Markdown(1);

        var first = Assert.Single(store.Add([submission]).Value);
        var again = Assert.Single(store.Add([submission]).Value);
        var kept = store.Get(first.LetterId).Value;
        var expected = LetterReader.ReadBytes(submission.Content).Value;

        Assert.Equal(AddOutcome.Added, first.Outcome);
        Assert.Equal((AddOutcome.Unchanged, first.Sequence), (again.Outcome, again.Sequence));
        Assert.NotNull(kept);
        Assert.Equal(submission.Content, kept.Original);
        Assert.Equal("letter-1.md", kept.Source);
        Assert.Equal(JsonSerializer.Serialize(expected, LetterJson.Options), JsonSerializer.Serialize(kept.Letter, LetterJson.Options));
        Assert.Equal(new StoreCounts(1, 0, 0, first.Sequence), store.Counts().Value);
    }

    [Fact]
    public void Recent_letters_are_listed_newest_first_with_how_they_fared_and_without_their_text()
    {
        var store = _store.Open();
        var kept = store.Add([Markdown(40), Markdown(41)]).Value;
        store.Add([new LetterSubmission(Encoding.UTF8.GetBytes("not a letter"), "broken.txt")]);
        store.Delete(kept[0].LetterId);

        var recent = store.Recent(10).Value;

        Assert.Equal(3, recent.Count);
        Assert.Equal(recent.Select(l => l.Sequence).OrderDescending(), recent.Select(l => l.Sequence));
        Assert.Equal(("deleted", 0), (recent[0].Status, recent[0].Items));
        Assert.Equal(kept[0].LetterId, recent[0].LetterId);
        Assert.Equal("refused", recent[1].Status);
        Assert.Equal("broken.txt", recent[1].Source);
        Assert.False(string.IsNullOrEmpty(recent[1].ErrorMessage));
        Assert.Equal(("kept", "letter-41.md"), (recent[2].Status, recent[2].Source));
        Assert.Equal(Generator.Generate(41).Items.Count, recent[2].Items);
        Assert.Equal(Generator.Generate(41).Header.CaseNumber, recent[2].CaseNumber);
        Assert.Single(store.Recent(1).Value);
    }

    [Fact]
    public void Item_vectors_are_kept_per_model_replaced_by_item_and_deleted_with_their_letter()
    {
        var store = _store.Open();
        var kept = store.Add([Markdown(30), Markdown(31)]).Value;
        float[] Vector(float seed) => Enumerable.Range(0, 384).Select(i => seed + (i / 1000f)).ToArray();
        var put = store.Vectors.Put(
        [
            new(kept[0].LetterId, 0, "model-a", "d1", Vector(1)),
            new(kept[0].LetterId, 0, "model-b", "d1", Vector(2)),
            new(kept[1].LetterId, 0, "model-a", "d1", Vector(3)),
        ]);
        var replaced = store.Vectors.Put([new(kept[0].LetterId, 0, "model-a", "d2", Vector(4))]);

        var first = Assert.Single(store.Vectors.For([kept[0].LetterId], "model-a").Value);
        Assert.Equal((3, 1), (put.Value, replaced.Value));
        Assert.Equal("d2", first.TextDigest);
        Assert.Equal(Vector(4), first.Vector);
        Assert.Equal(2L, store.Vectors.Count("model-a").Value);

        store.Delete(kept[0].LetterId);

        Assert.Empty(store.Vectors.For([kept[0].LetterId], "model-a").Value);
        Assert.Empty(store.Vectors.For([kept[0].LetterId], "model-b").Value);
        Assert.Equal(Vector(3), Assert.Single(store.Vectors.For([kept[0].LetterId, kept[1].LetterId], "model-a").Value).Vector);
    }

    [Fact]
    public void Re_adding_a_letter_id_with_other_content_replaces_it_under_a_new_sequence()
    {
        var store = _store.Open();

        var markdown = Assert.Single(store.Add([Markdown(2)]).Value);
        var pdf = Assert.Single(store.Add([Pdf(2)]).Value);
        var changes = store.ChangesAfter(markdown.Sequence, 10).Value;

        Assert.Equal(markdown.LetterId, pdf.LetterId);
        Assert.Equal(AddOutcome.Replaced, pdf.Outcome);
        Assert.True(pdf.Sequence > markdown.Sequence);
        Assert.Equal(pdf.Sequence, Assert.Single(changes).Sequence);
        Assert.Equal(LetterFormat.Pdf, changes[0].Letter?.Format);
        Assert.Equal("letter-2.pdf", store.Get(pdf.LetterId).Value?.Source);
    }

    [Fact]
    public void Deleting_leaves_a_tombstone_without_the_letters_bytes_that_derived_views_see_and_a_re_add_revives_the_letter()
    {
        var store = _store.Open();
        var added = store.Add([Markdown(3), Markdown(4)]).Value;

        var deleted = store.Delete(added[0].LetterId).Value;
        var unknown = store.Delete("no-such-letter").Value;
        var again = store.Delete(added[0].LetterId).Value;
        var kept = store.Get(added[0].LetterId).Value;
        var changes = store.ChangesAfter(added[1].Sequence, 10).Value;
        var revived = Assert.Single(store.Add([Markdown(3)]).Value);

        Assert.NotNull(deleted);
        Assert.True(deleted > added[1].Sequence);
        Assert.Null(unknown);
        Assert.Null(again);
        Assert.Equal((true, 0, (ImrLetter?)null), (kept?.Deleted, kept?.Original.Length, kept?.Letter));
        var tombstone = Assert.Single(changes);
        Assert.Equal((added[0].LetterId, (ImrLetter?)null), (tombstone.LetterId, tombstone.Letter));
        Assert.Equal(AddOutcome.Replaced, revived.Outcome);
        Assert.True(revived.Sequence > deleted);
        Assert.False(store.Get(added[0].LetterId).Value?.Deleted);
        // The last sequence counts tombstones and revivals alike, as Counts does.
        Assert.Equal(revived.Sequence, store.LastSequence().Value);
        Assert.Equal(store.Counts().Value.LastSequence, store.LastSequence().Value);
    }

    [Fact]
    public void A_letter_the_parser_refuses_is_kept_with_its_error_and_bytes()
    {
        var store = _store.Open();
        var junk = new LetterSubmission(Encoding.UTF8.GetBytes("Dear applicant, your parking permit is ready."), "junk.txt");
        var empty = new LetterSubmission([], "empty.txt");

        var results = store.Add([junk, empty]).Value;
        var kept = store.Get(results[0].LetterId).Value;

        Assert.All(results, r => Assert.Equal(AddOutcome.Refused, r.Outcome));
        Assert.Equal(ParseErrorCode.NotAnImrLetter, results[0].ParseError?.Code);
        Assert.Equal(ParseErrorCode.Empty, results[1].ParseError?.Code);
        Assert.StartsWith("refused-", results[0].LetterId, StringComparison.Ordinal);
        Assert.Equal(junk.Content, kept?.Original);
        Assert.Equal(("NotAnImrLetter", (ImrLetter?)null), (kept?.ErrorCode, kept?.Letter));
        Assert.Equal(2, store.Counts().Value.Refused);
        Assert.All(store.ChangesAfter(0, 10).Value, c => Assert.Null(c.Letter));
    }

    [Fact]
    public void A_letter_too_large_to_be_one_is_kept_refused_with_only_the_start_of_its_bytes()
    {
        var store = _store.Open();
        var huge = new LetterSubmission(Encoding.UTF8.GetBytes(new string('a', 5 * 1024 * 1024)), "huge.txt");

        var added = Assert.Single(store.Add([huge]).Value);
        var kept = store.Get(added.LetterId).Value;

        Assert.Equal((AddOutcome.Refused, ParseErrorCode.TooLarge), (added.Outcome, added.ParseError?.Code));
        Assert.Equal(AddPolicy.DefaultRefusedBytesKept, kept?.Original.Length);
        Assert.Equal(huge.Content[..AddPolicy.DefaultRefusedBytesKept], kept!.Original);
        Assert.Contains("kept the first 65,536 of its 5,242,880 bytes", kept.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_over_the_policys_limits_is_kept_refused_saying_which_limit()
    {
        var store = _store.Open();
        var letter = Markdown(5);
        var items = LetterReader.ReadBytes(letter.Content).Value.Items.Count;
        var policy = new AddPolicy(l => l.Items.Count > items - 1 ? $"at most {items - 1} items per letter" : null, RefusedBytesKept: 100);

        var added = Assert.Single(store.Add([letter], policy).Value);
        var kept = store.Get(added.LetterId).Value;
        var accepted = Assert.Single(store.Add([letter]).Value);

        Assert.Equal((AddOutcome.Refused, ParseErrorCode.OverLimit), (added.Outcome, added.ParseError?.Code));
        Assert.StartsWith($"at most {items - 1} items per letter", added.ParseError!.Message, StringComparison.Ordinal);
        Assert.Equal(letter.Content[..100], kept!.Original);
        Assert.Equal(AddOutcome.Added, accepted.Outcome);
    }

    [Fact]
    public async Task Concurrent_writers_get_unique_sequences_that_commit_in_order()
    {
        var stores = new[] { _store.Open(), _store.Open() };
        var letters = Enumerable.Range(100, 40).Select(Markdown).ToList();

        var results = await Task.WhenAll(letters.Chunk(5).Select((batch, i) => Task.Run(() => stores[i % 2].Add(batch).Value, TestContext.Current.CancellationToken)));
        var sequences = results.SelectMany(r => r).Select(r => r.Sequence).ToList();
        var changes = stores[0].ChangesAfter(0, 1000).Value;

        Assert.Equal(40, sequences.Distinct().Count());
        Assert.Equal(sequences.Order(), changes.Select(c => c.Sequence));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), changes.Select(c => c.Sequence));
    }

    [Fact]
    public void A_reopened_store_holds_everything_and_pages_changes_in_order()
    {
        var added = _store.Open().Add(Enumerable.Range(200, 12).Select(Markdown).ToList()).Value;

        var reopened = _store.Open();
        var firstPage = reopened.ChangesAfter(0, 5).Value;
        var secondPage = reopened.ChangesAfter(firstPage[^1].Sequence, 5).Value;
        var letters = reopened.LettersAfter(0, 100).Value;

        Assert.Equal(added.Take(5).Select(a => a.Sequence), firstPage.Select(c => c.Sequence));
        Assert.Equal(added.Skip(5).Take(5).Select(a => a.Sequence), secondPage.Select(c => c.Sequence));
        Assert.Equal(12, letters.Count);
        Assert.Equal(12, reopened.Counts().Value.Letters);
    }

    [Fact]
    public void Reparse_updates_only_what_the_parser_now_reads_differently()
    {
        var store = _store.Open();
        var added = Assert.Single(store.Add([Markdown(300)]).Value);
        var kept = store.Get(added.LetterId).Value!;

        var same = store.UpdateParse(added.LetterId, LetterParse.Of(kept.Original, kept.ContentSha256)).Value;
        var changedLetter = kept.Letter! with { ClinicalSummary = kept.Letter.ClinicalSummary + " Reparsed." };
        var changed = store.UpdateParse(added.LetterId, new LetterParse(added.LetterId, changedLetter, null)).Value;

        Assert.Null(same);
        Assert.True(changed > added.Sequence);
        Assert.EndsWith("Reparsed.", store.Get(added.LetterId).Value?.Letter?.ClinicalSummary, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}
