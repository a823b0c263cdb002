using Spectre.Console;

namespace ImrPredict.Training.Commands;

/// <summary>Spectre progress for long steps, or plain lines on standard error with --quiet or when output is redirected.</summary>
internal sealed class ConsoleProgress(bool quiet)
{
    private readonly bool _interactive = !quiet && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a progress bar named <paramref name="title"/>.</summary>
    public T Run<T>(string title, Func<IProgress<(int Done, int Total)>, IProgress<string>, T> work)
    {
        if (!_interactive)
        {
            var status = new SynchronousProgress<string>(message => Say($"{title}: {message}"));
            return work(new SynchronousProgress<(int, int)>(_ => { }), status);
        }

        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                var counts = new SynchronousProgress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                var messages = new SynchronousProgress<string>(message => task.Description = $"{title}: {Markup.Escape(message)}");
                result = work(counts, messages);
                task.Value = task.MaxValue;
                task.Description = title;
            });
        return result;
    }

    /// <summary>A line on standard error, unless quiet.</summary>
    public void Say(string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(message);
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
