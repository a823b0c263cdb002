using ImrPredict.Core.Letters;

namespace ImrPredict.Store;

/// <summary>
/// What an add accepts and what a refused letter leaves in the store. A letter the parser reads but the service's limits
/// refuse (<paramref name="Refuse"/> says why, naming the limit) is kept refused with code
/// <see cref="ParseErrorCode.OverLimit"/>; a refused letter keeps at most <paramref name="RefusedBytesKept"/> of its
/// bytes, enough for an operator to see what it was, and its error says how many it had.
/// </summary>
/// <param name="Refuse">Why a parsed letter is over the limits, or null to accept it.</param>
/// <param name="RefusedBytesKept">The most bytes of a refused letter kept (0: none).</param>
public sealed record AddPolicy(Func<ImrLetter, string?>? Refuse = null, int RefusedBytesKept = AddPolicy.DefaultRefusedBytesKept)
{
    /// <summary>64 KiB: the start of a text letter or a PDF's header, enough to tell what was sent.</summary>
    public const int DefaultRefusedBytesKept = 64 * 1024;

    /// <summary>Every letter the parser reads is accepted; refused ones keep the default bytes.</summary>
    public static AddPolicy Default { get; } = new();
}
