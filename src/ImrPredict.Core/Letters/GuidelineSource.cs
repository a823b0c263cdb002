namespace ImrPredict.Core.Letters;

/// <summary>Where a cited guideline comes from.</summary>
public enum GuidelineSource
{
    /// <summary>California Medical Treatment Utilization Schedule.</summary>
    Mtus,

    /// <summary>ACOEM Practice Guidelines.</summary>
    Acoem,

    /// <summary>Official Disability Guidelines.</summary>
    Odg,

    /// <summary>Any other cited source.</summary>
    Other,
}
