using Goldilocks.Cli.Commands;

namespace Goldilocks.Cli;

/// <summary>
/// Entry point of the <c>goldilocks</c> command. Exit codes: 0 success, 1 failure inside a computation, 2 invalid
/// input (options, data files, output folder; message on stderr, never a stack trace), 130 interrupted.
/// </summary>
public static class CliApp
{
    public const int ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitInterrupted = 130;

    /// <summary>The experiment sub-commands <c>report</c> runs, in its order (<c>curvature</c>, a single-point probe, is not among them).</summary>
    public static IReadOnlyList<ExperimentCommand> Experiments => new[]
    {
        ZoneCommand.Command, TemperatureCommand.Command, GammaCommand.Command, PriorGradientCommand.Command, ConfidenceCommand.Command,
        TrainabilityCommand.Command, InstabilityCommand.Command, SpectrumCommand.Command, DimensionCommand.Command, HutchinsonCommand.Command,
        PreCollapseCommand.Command,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "goldilocks: executable checks of what four papers claim about the loss Hessian (Goldilocks zone, " +
            "Fort & Scherlis; Wang & Roberts; Sagun et al.). Every command writes JSON, CSV and PNG into --out.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(CurvatureCommand.Command.Build());
        foreach (var experiment in Experiments) root.Subcommands.Add(experiment.Build());
        root.Subcommands.Add(MergeCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        return root;
    }

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"goldilocks: {error.Message}");
            Console.Error.WriteLine("Run 'goldilocks --help' for the options.");
            return ExitUsage;
        }
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            CommandContext.Cancellation = cancel.Token;
            return parse.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = Console.Out,
                Error = Console.Error,
            });
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("goldilocks: interrupted; every finished cell is saved, rerun with --resume to continue");
            return ExitInterrupted;
        }
        catch (Exception e) when (IsInputError(e))
        {
            Console.Error.WriteLine($"goldilocks: {e.Message}");
            return ExitUsage;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"goldilocks: error ({e.GetType().Name}): {e.Message}");
            return ExitFailure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            CommandContext.Cancellation = CancellationToken.None;
        }
    }

    /// <summary>Problems with what the user gave (options, files, folders) rather than with the computation.</summary>
    private static bool IsInputError(Exception e) => e is CliUsageException or ArgumentException or FormatException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException;
}
