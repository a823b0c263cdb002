using ImrPredict.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddImrPredict();
var app = builder.Build();
app.MapImrPredict();
app.Run();

/// <summary>The host's entry point; public and partial so integration tests can start it.</summary>
public partial class Program;
