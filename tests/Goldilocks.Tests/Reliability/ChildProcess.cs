using System.Diagnostics;
using Goldilocks.FuzzHost;

namespace Goldilocks.Tests.Reliability;

/// <summary>Exit code and output of a finished child process; <see cref="TimedOut"/> when it had to be killed.</summary>
public sealed record ChildResult(int ExitCode, string StdOut, string StdErr, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>Lines of standard output that start with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> Lines(string prefix) =>
        StdOut.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    public string Describe() =>
        $"exit {ExitCode}{(TimedOut ? " (killed after timeout: hang)" : "")} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Tail(StdOut)}\n--- stderr ---\n{Tail(StdErr)}";

    private static string Tail(string s) => s.Length <= 3000 ? s : "…" + s[^3000..];
}

/// <summary>Runs the FuzzHost (or any dotnet dll) as a separate process, so a native abort cannot take the test run down.</summary>
public static class ChildProcess
{
    /// <summary>The FuzzHost dll copied beside the test assembly by the project reference.</summary>
    public static string FuzzHostPath => typeof(HostProgram).Assembly.Location;

    /// <summary>The dotnet host running this test process (falls back to <c>dotnet</c> on PATH).</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p && File.Exists(p) ? p : "dotnet";

    public static ChildResult RunFuzzHost(TimeSpan timeout, params string[] args) => RunFuzzHost(timeout, null, args);

    /// <summary>The FuzzHost with extra environment variables for the child.</summary>
    public static ChildResult RunFuzzHost(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(DotnetHost, new[] { FuzzHostPath }.Concat(args), timeout, environment);

    /// <summary>The goldilocks CLI dll, built beside the test assembly because the test project references the CLI project.</summary>
    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "goldilocks.dll");

    /// <summary>
    /// Starts <c>dotnet goldilocks.dll args</c> and returns at once, so a test can signal it while it runs. On Linux it
    /// goes through <c>env --default-signal=INT</c> (coreutils ≥ 8.31; execs, so the PID is the child's): a test host
    /// started as a background job inherits SIGINT ignored, the child would inherit that too, and .NET keeps an ignored
    /// SIGINT ignored, so the signal test would see a sweep that never stops (seen once: "SIGINT #1: exit 0").
    /// </summary>
    public static RunningChild StartCli(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        OperatingSystem.IsLinux() && File.Exists(EnvPath)
            ? RunningChild.Start(EnvPath, new[] { "--default-signal=INT", DotnetHost, CliPath }.Concat(args), environment)
            : RunningChild.Start(DotnetHost, new[] { CliPath }.Concat(args), environment);

    /// <summary>Runs the CLI in a child process to the end (or <paramref name="timeout"/>).</summary>
    public static ChildResult RunCli(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(DotnetHost, new[] { CliPath }.Concat(args), timeout, environment);

    private const string EnvPath = "/usr/bin/env";

    public static ChildResult Run(string fileName, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        using var child = RunningChild.Start(fileName, args, environment, workingDirectory);
        return child.WaitForExit(timeout);
    }
}

/// <summary>A started child process with its output captured in the background; <see cref="Signal"/> sends a POSIX signal.</summary>
public sealed class RunningChild : IDisposable
{
    public const int SigInt = 2, SigKill = 9;

    private readonly Process _process;
    private readonly Task<string> _stdout, _stderr;
    private readonly Stopwatch _clock;

    private RunningChild(Process process)
    {
        _process = process;
        _clock = Stopwatch.StartNew();
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static RunningChild Start(string fileName, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return new RunningChild(Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}"));
    }

    /// <summary>Sends <paramref name="signal"/> (POSIX number) to the child via libc kill(2).</summary>
    public void Signal(int signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) throw new PlatformNotSupportedException("POSIX signals need Linux or macOS");
        if (Kill(_process.Id, signal) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the exit (killing the tree after <paramref name="timeout"/>: a hang) and returns the outcome.</summary>
    public ChildResult WaitForExit(TimeSpan timeout)
    {
        bool finished = _process.WaitForExit(timeout);
        if (!finished) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        return new ChildResult(_process.ExitCode, _stdout.Result, _stderr.Result, !finished, _clock.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
