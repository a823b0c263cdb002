using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Json;

/// <summary>An error in JSON output.</summary>
/// <param name="Code">The <see cref="ParseErrorCode"/> name.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ErrorJson(string Code, string Message);
