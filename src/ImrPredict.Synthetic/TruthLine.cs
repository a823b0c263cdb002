namespace ImrPredict.Synthetic;

/// <summary>One line of <c>truth.jsonl</c>: the true probability an item's label was drawn from.</summary>
/// <param name="LetterId">The id <c>imr parse</c> gives the letter.</param>
/// <param name="ItemIndex">The item's position in the letter, from 0.</param>
/// <param name="POverturned">The true probability of Overturned.</param>
/// <param name="Decision">The drawn label.</param>
/// <param name="Category">The category the generator drew.</param>
public sealed record TruthLine(string LetterId, int ItemIndex, double POverturned, string Decision, string Category);
