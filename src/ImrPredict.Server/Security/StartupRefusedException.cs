namespace ImrPredict.Server.Security;

/// <summary>The service must not start as configured; the message is the one line the operator reads.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
