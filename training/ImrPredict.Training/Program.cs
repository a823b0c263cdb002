using System.CommandLine;
using ImrPredict.Training.Commands;

var root = new RootCommand("imr: parse IMR determination letters, generate corpora, train and evaluate models, build precedent indexes.");
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(BootstrapCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(StoreCommands.Ingest());
root.Subcommands.Add(StoreCommands.Delete());
root.Subcommands.Add(StoreCommands.Reparse());
root.Subcommands.Add(StoreCommands.Reindex());
root.Subcommands.Add(SearchCommands.Index());
root.Subcommands.Add(SearchCommands.Search());
root.Subcommands.Add(SearchCommands.Evaluate());
return await root.Parse(args).InvokeAsync();
