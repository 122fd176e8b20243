using System.Diagnostics;
using Goldilocks.Runtime;
using Spectre.Console;

namespace Goldilocks.Cli.Infrastructure;

/// <summary>What one command invocation needs besides its own options: device, output folder, seed, console, timing.</summary>
public sealed class CommandContext
{
    /// <summary>Set by <see cref="CliApp.Run"/>: cancelled on Ctrl+C so a sweep stops between cells.</summary>
    internal static CancellationToken Cancellation { get; set; } = CancellationToken.None;

    private CommandContext(string command, ParseResult parse)
    {
        Command = command;
        Json = parse.GetValue(GlobalOptions.Json);
        Seed = parse.GetValue(GlobalOptions.Seed);
        OutDirectory = Path.GetFullPath(parse.GetValue(GlobalOptions.Out) ?? Path.Combine("out", command));
        DeviceName = parse.GetValue(GlobalOptions.Device);
        Console = CreateConsole();
    }

    public string Command { get; }

    public bool Json { get; }

    public long Seed { get; }

    public string OutDirectory { get; }

    public string? DeviceName { get; }

    public IAnsiConsole Console { get; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public CancellationToken Cancel => Cancellation;

    /// <summary>Creates the context, resolving the device (a bad or absent device is an input error) and checking --out.</summary>
    public static CommandContext Create(string command, ParseResult parse, out Device device)
    {
        var context = new CommandContext(command, parse);
        try { device = TorchRuntime.ResolveDevice(context.DeviceName); }
        catch (InvalidOperationException e) { throw new CliUsageException(e.Message); }
        AtomicFile.EnsureWritableFolder(context.OutDirectory);
        return context;
    }

    public string OutPath(string file) => Path.Combine(OutDirectory, file);

    /// <summary>Settings every document records: command, seed, device, output folder.</summary>
    public JsonObject BaseSettings(Device device) => new()
    {
        ["command"] = Command,
        ["seed"] = Seed,
        ["device"] = device.ToString(),
    };

    /// <summary>Writes the command's JSON document to --out and, with --json, prints it on stdout.</summary>
    public void Emit(JsonObject document, string fileName)
    {
        document["timings"] = new JsonObject { ["totalSeconds"] = Clock.Elapsed.TotalSeconds };
        ReportJson.Write(OutPath(fileName), document);
        if (Json) System.Console.Out.WriteLine(ReportJson.Serialize(document));
    }

    public void Info(string message)
    {
        if (!Json) Console.MarkupLine(message);
    }

    public CliProgress Progress(string title) => new(title, interactive: !Json && !System.Console.IsOutputRedirected);

    private static IAnsiConsole CreateConsole()
    {
        bool redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected) console.Profile.Width = 160;
        return console;
    }
}
