using ImrPredict.Server;
using ImrPredict.Server.Security;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddImrPredict();
}
catch (StartupRefusedException refused)
{
    // One line an operator can act on, not a stack trace.
    Console.Error.WriteLine(refused.Message);
    return 2;
}

var app = builder.Build();
app.MapImrPredict();
app.Run();
return 0;

/// <summary>The host's entry point; public and partial so integration tests can start it.</summary>
public partial class Program;
