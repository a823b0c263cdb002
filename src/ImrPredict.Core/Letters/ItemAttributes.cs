namespace ImrPredict.Core.Letters;

/// <summary>Facts derived from a requested item's wording, for models and filters.</summary>
/// <param name="Category">The coarse kind of treatment.</param>
/// <param name="Quantity">The dispensed count (<c>#90</c>), when written.</param>
/// <param name="Strength">The strength as written (<c>10/325mg</c>), when written.</param>
/// <param name="Sessions">The number of therapy sessions or visits, when it can be worked out.</param>
public sealed record ItemAttributes(ItemCategory Category, int? Quantity, string? Strength, int? Sessions);
