using System.Diagnostics;
using Spectre.Console;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>
/// Progress of a sweep: a Spectre.Console bar with the estimated time left when stdout is a terminal, plain
/// log lines on stderr otherwise (pipes, CI, --json), so logs stay readable and stdout stays machine-readable.
/// </summary>
public sealed class CliProgress(string title, bool interactive)
{
    public bool Interactive { get; } = interactive;

    public T Run<T>(Func<IProgress<SweepProgress>, T> work)
    {
        if (!Interactive) return work(new PlainLog(title));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, autoStart: true, maxValue: 1);
                result = work(new Sink(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{title} ({p.Done}/{p.Total})";
                }));
            });
        return result;
    }

    /// <summary>Synchronous <see cref="IProgress{T}"/> (System.Progress posts to the thread pool and could reorder).</summary>
    private sealed class Sink(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    private sealed class PlainLog(string title) : IProgress<SweepProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(SweepProgress p)
        {
            double elapsed = _clock.Elapsed.TotalSeconds;
            double left = p.Done > 0 ? elapsed / p.Done * (p.Total - p.Done) : double.NaN;
            Console.Error.WriteLine(FormattableString.Invariant(
                $"[{title}] {p.Done}/{p.Total} {p.Cell} {(p.Resumed ? "resumed" : "computed")}; elapsed {elapsed:F1} s, about {left:F1} s left"));
        }
    }
}
