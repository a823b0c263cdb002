using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// The numbers guideline criteria use, as a summary states them: pain scores (with and without medication), therapy
/// sessions completed, the percentage of relief from a prior treatment. The earlier review's narration is not read
/// (its numbers are what was requested or denied, not what was done).
/// </summary>
/// <param name="PainScores">Every pain score, in order.</param>
/// <param name="SessionsCompleted">Therapy sessions or visits already completed, when stated (the largest stated).</param>
/// <param name="SessionsSpan">Where the sessions completed are stated.</param>
/// <param name="ReliefPercent">The percentage of relief or improvement from a prior treatment, when stated.</param>
/// <param name="ReliefSpan">Where it is stated.</param>
public sealed record StatedNumbers(IReadOnlyList<PainScore> PainScores, int? SessionsCompleted, TextSpan? SessionsSpan, int? ReliefPercent, TextSpan? ReliefSpan)
{
    /// <summary>No numbers stated.</summary>
    public static StatedNumbers None { get; } = new([], null, null, null, null);

    /// <summary>The pain score stated with medication, if any.</summary>
    public int? PainWithMedication => PainScores.FirstOrDefault(p => p.WithMedication == true)?.Score;

    /// <summary>The pain score stated without medication, if any.</summary>
    public int? PainWithoutMedication => PainScores.FirstOrDefault(p => p.WithMedication == false)?.Score;
}
