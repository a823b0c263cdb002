namespace ImrPredict.Core.Results;

/// <summary>One invalid input field, named as the API names it.</summary>
/// <param name="Field">The field, e.g. <c>cases[2].items[0].requested_item</c>.</param>
/// <param name="Description">What is wrong with it.</param>
public sealed record FieldViolation(string Field, string Description);
