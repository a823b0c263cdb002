namespace ImrPredict.Core.Letters;

/// <summary>The reviewer's credentials as the letter states them.</summary>
/// <param name="Licensure">States of licensure, in letter order.</param>
/// <param name="Specialties">Board certifications and specialties, in letter order.</param>
public sealed record ReviewerCredentials(IReadOnlyList<string> Licensure, IReadOnlyList<string> Specialties)
{
    /// <summary>No credentials stated.</summary>
    public static ReviewerCredentials None { get; } = new([], []);
}
