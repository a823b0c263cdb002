namespace ImrPredict.Core.Letters;

/// <summary>The outcome of one disputed item.</summary>
public enum Decision
{
    /// <summary>The utilization-review denial stands: the item is not medically necessary.</summary>
    Upheld,

    /// <summary>The denial is reversed: the item is medically necessary.</summary>
    Overturned,
}
