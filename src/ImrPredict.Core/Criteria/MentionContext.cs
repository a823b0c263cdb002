namespace ImrPredict.Core.Criteria;

/// <summary>
/// How a sentence speaks of a term, as NegEx and ConText read it: negated ("no weakness", "was negative"), uncertain
/// ("to rule out a tear"), historical ("history of"), or narrating the earlier utilization review ("UR denied the
/// request due to no documentation of ..."), whose words are the reviewer's reasons, not the record's findings.
/// </summary>
/// <param name="Negated">The term is denied.</param>
/// <param name="Uncertain">The term is a possibility, a question or a plan to look for it.</param>
/// <param name="Historical">The term is in the patient's past.</param>
/// <param name="PriorReview">The sentence narrates the earlier utilization review or request.</param>
public readonly record struct MentionContext(bool Negated, bool Uncertain, bool Historical, bool PriorReview);
