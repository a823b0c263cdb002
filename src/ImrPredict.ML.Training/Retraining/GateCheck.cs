namespace ImrPredict.ML.Training.Retraining;

/// <summary>One condition of the promotion gate, as the report and console state it.</summary>
/// <param name="Name">What is compared.</param>
/// <param name="Passed">Whether the challenger meets it.</param>
/// <param name="Detail">The figures and margin.</param>
public sealed record GateCheck(string Name, bool Passed, string Detail);
