using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Application.Storage;

/// <summary>
/// Where decided letters and this replica's precedent index live (section <c>ImrPredict</c>): a SQLite file under
/// <see cref="DataDirectory"/>, or the PostgreSQL database of <c>ConnectionStrings:Determinations</c> shared by replicas.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The folder of the SQLite store and, unless <see cref="IndexDirectory"/> is set, of the index.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>This replica's precedent index folder; default <c>index</c> inside <see cref="DataDirectory"/>. Each replica needs its own.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>The PostgreSQL connection string (<c>ConnectionStrings:Determinations</c>); unset, the SQLite file is the store.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often the index catches up with changes other replicas (or jobs) made in the store.</summary>
    [Range(0.05, 3600)]
    public double IndexPollSeconds { get; set; } = 2;

    /// <summary>How long an add waits for this replica's index to show the letters before it answers.</summary>
    [Range(0, 600)]
    public double ReadYourWritesSeconds { get; set; } = 10;

    /// <summary>
    /// The most bytes of a refused letter the store keeps (its start: enough for an operator to see what was sent and
    /// why it was refused); the rest is dropped and the error says how many it had. 0 keeps none.
    /// </summary>
    [Range(0, 16 * 1024 * 1024)]
    public int RefusedBytesKept { get; set; } = Store.AddPolicy.DefaultRefusedBytesKept;
}
