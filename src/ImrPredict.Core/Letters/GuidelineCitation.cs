namespace ImrPredict.Core.Letters;

/// <summary>One "Decision based on ..." citation from a guideline line.</summary>
/// <param name="Source">The guideline family.</param>
/// <param name="Topic">The chapter, section or topic as written, when given.</param>
/// <param name="Pages">The cited pages as written (for example <c>63-64</c> or <c>78, 91</c>), when given.</param>
public sealed record GuidelineCitation(GuidelineSource Source, string? Topic, string? Pages);
