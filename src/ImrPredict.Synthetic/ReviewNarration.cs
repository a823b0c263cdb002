namespace ImrPredict.Synthetic;

/// <summary>
/// How a generated summary narrates the earlier utilization review, as real summaries do, and what that says of the
/// outcome. Rates and effects are those the criteria detection finds in the 134 shared letters (323 items, 33 overturned;
/// measured with <c>CriteriaDetector</c> on 2026-12-06, see issue 26's note):
/// <list type="bullet">
/// <item>The review's stated reason narrated (a guideline cited, documentation found lacking): 17 of 134 letters; 1 of 98
/// items overturned against 14% of the rest: a log-odds shift of about -2.7.</item>
/// <item>A modified request: 24 of 134 letters; 8% of 66 items overturned against 11%: about -0.35.</item>
/// <item>A retrospective request: 14 of 323 items; 36% overturned against 9%: about +1.7.</item>
/// </list>
/// </summary>
/// <param name="ReasonStated">The summary narrates the review's stated reason.</param>
/// <param name="Modified">The review modified a request.</param>
internal sealed record ReviewNarration(bool ReasonStated, bool Modified)
{
    /// <summary>Share of letters whose summary narrates the review's reason (17 of 134 shared letters).</summary>
    public const double ReasonStatedShare = 0.13;

    /// <summary>Share of letters whose summary says the review modified a request (24 of 134).</summary>
    public const double ModifiedShare = 0.18;

    /// <summary>Share of items requested retrospectively (14 of 323).</summary>
    public const double RetrospectiveShare = 0.043;

    /// <summary>Log-odds shift of a retrospective request (36% against 9% overturned).</summary>
    public const double RetrospectiveShift = 1.7;

    private const double ReasonStatedShift = -2.7, ModifiedShift = -0.35;

    private static readonly string[] Reasons =
    [
        "citing the MTUS guidelines", "noting that the guidelines do not recommend it", "due to no documentation of functional improvement",
        "as the ODG criteria were not met", "due to lack of documentation of objective findings", "as the request exceeds the guideline recommendations",
    ];

    /// <summary>Draws a letter's narration.</summary>
    public static ReviewNarration Draw(Rng rng) => new(rng.Chance(ReasonStatedShare), rng.Chance(ModifiedShare));

    /// <summary>The log-odds shift the narration carries for every item of the letter.</summary>
    public double LogitShift => (ReasonStated ? ReasonStatedShift : 0) + (Modified ? ModifiedShift : 0);

    /// <summary>The request as a retrospective one is written.</summary>
    public static string Retrospective(string requested, Rng rng) => rng.Next(3) switch
    {
        0 => $"Retrospective request for {requested}",
        1 => $"Retro: {requested}",
        _ => $"{requested} (retrospective)",
    };

    /// <summary>The summary's closing sentences: the review's decision on the requests, with what it said.</summary>
    public string Closing(string requested, string firstItem, Rng rng)
    {
        var closing = ReasonStated
            ? $"Utilization review non-certified the request for {requested}, {rng.Pick(Reasons)}."
            : rng.Chance(0.5)
                ? $"Utilization review non-certified the request for {requested}."
                : $"At issue are the requests for {requested}, which were denied in utilization review.";
        return Modified ? $"{closing} Utilization review modified the request for {firstItem} to a smaller course." : closing;
    }
}
