namespace ImrPredict.Core.Criteria;

/// <summary>What documenting a criterion does for the request, in the guideline's terms.</summary>
public enum CriterionEffect
{
    /// <summary>Documenting it supports the treatment (functional improvement on opioids, a neurological deficit before an MRI).</summary>
    Supports,

    /// <summary>Documenting it argues against the treatment (aberrant drug-taking behaviour, long-term use of a muscle relaxant).</summary>
    Against,
}
