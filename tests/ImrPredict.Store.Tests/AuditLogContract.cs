namespace ImrPredict.Store.Tests;

/// <summary>What the audit trail does on every engine: append, read by time, subject and letter, and purge by age only.</summary>
public abstract class AuditLogContract : IDisposable
{
    private readonly TestStore _store;
    private readonly Func<IAuditLog> _open;
    private readonly List<IAuditLog> _opened = [];

    protected AuditLogContract(TestStore store, Func<TestStore, IAuditLog> open)
    {
        _store = store;
        _open = () => open(store);
    }

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static AuditRecord Record(DateTimeOffset time, string subject, string action, string[] precedents, string[] letters) =>
        new(0, time, subject, subject + " name", "reader", "bearer", action, "OK", precedents, letters, "trace-" + action, "127.0.0.1");

    private IAuditLog Open()
    {
        var log = _open();
        _opened.Add(log);
        return log;
    }

    [Fact]
    public void Records_are_kept_with_every_field_and_read_newest_first_after_a_reopen()
    {
        var written = Record(Now, "alice", "GetPrecedent", ["CM16-0213037#0"], ["CM16-0213037"]);
        Assert.Equal(2, Open().Append([Record(Now.AddMinutes(-1), "bob", "SearchPrecedents", [], []), written]).Value);

        var read = Open().Read(new AuditQuery()).Value;

        Assert.Equal(["alice", "bob"], read.Select(r => r.Subject));
        Assert.True(read[0].Sequence > read[1].Sequence);
        Assert.Equal(written with { Sequence = read[0].Sequence }, read[0] with { PrecedentIds = written.PrecedentIds, LetterIds = written.LetterIds });
        Assert.Equal(written.PrecedentIds, read[0].PrecedentIds);
        Assert.Equal(written.LetterIds, read[0].LetterIds);
    }

    public static TheoryData<string, string?, string?, int, string[]> Filters => new()
    {
        { "everything", null, null, 0, ["a1", "a2", "b1", "b2"] },
        { "since an hour ago", null, null, 60, ["a2", "b2"] },
        { "one subject", "alice", null, 0, ["a1", "a2"] },
        { "a letter, by its id or its items' ids", null, "CM1", 0, ["a1", "b2"] },
        { "a letter whose id starts another's is only itself", null, "CM10", 0, ["b1"] },
        { "a subject and a letter", "bob", "CM1", 0, ["b2"] },
        { "a letter no record holds", null, "CM9", 0, [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Records_are_found_by_time_subject_and_letter(string why, string? subject, string? letter, int sinceMinutes, string[] expected)
    {
        var log = Open();
        log.Append(
        [
            Record(Now.AddHours(-3), "alice", "a1", [], ["CM1"]),
            Record(Now.AddMinutes(-30), "alice", "a2", [], []),
            Record(Now.AddHours(-2), "bob", "b1", ["CM10#0"], ["CM10"]),
            Record(Now.AddMinutes(-10), "bob", "b2", ["CM1#2"], []),
        ]);

        var found = log.Read(new AuditQuery(sinceMinutes > 0 ? Now.AddMinutes(-sinceMinutes) : null, subject, letter)).Value;

        Assert.True(expected.Order().SequenceEqual(found.Select(r => r.Action).Order()), $"{why}: found {string.Join(", ", found.Select(r => r.Action))}");
    }

    [Fact]
    public void Purging_deletes_only_records_older_than_the_cutoff()
    {
        var log = Open();
        log.Append([Record(Now.AddDays(-400), "old", "a", [], []), Record(Now.AddDays(-1), "recent", "b", [], [])]);

        var purged = log.PurgeBefore(Now.AddDays(-365)).Value;
        var again = log.PurgeBefore(Now.AddDays(-365)).Value;

        Assert.Equal((1, 0), (purged, again));
        Assert.Equal(["recent"], log.Read(new AuditQuery()).Value.Select(r => r.Subject));
    }

    [Fact]
    public void The_trail_lives_beside_the_letters_without_disturbing_them()
    {
        var log = Open();
        var letters = _store.Open();
        log.Append([Record(Now, "alice", "Predict", [], [])]);

        Assert.True(letters.Counts().TryGetValue(out var counts));
        Assert.Equal(0, counts.Letters);
        Assert.Single(log.Read(new AuditQuery()).Value);
    }

    public void Dispose()
    {
        foreach (var log in _opened)
        {
            log.Dispose();
        }

        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}
