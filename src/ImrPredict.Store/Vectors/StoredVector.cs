namespace ImrPredict.Store.Vectors;

/// <summary>A precedent item's sentence embedding as kept beside its letter, so replicas and rebuilds never embed it twice.</summary>
/// <param name="LetterId">The item's letter.</param>
/// <param name="ItemIndex">The item's index in the letter.</param>
/// <param name="Model">The embedding model's id: vectors of different models are never mixed.</param>
/// <param name="TextDigest">The digest of the text embedded: a letter re-added with other words gets new vectors.</param>
/// <param name="Vector">The normalized vector.</param>
public sealed record StoredVector(string LetterId, int ItemIndex, string Model, string TextDigest, float[] Vector);
