namespace ImrPredict.ML.Training;

/// <summary>Why training could not start.</summary>
public sealed class TrainingDataException(string message) : Exception(message);
