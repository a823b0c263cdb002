namespace ImrPredict.Server;

/// <summary>
/// Marks a service method that changes what is served (letters, the model): <see cref="ApiKeyCheck"/> refuses it
/// without the operators' API key, so an admin call states its need once, where it is declared.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AdminCallAttribute : Attribute;
