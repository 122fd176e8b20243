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

    public static ChildResult RunFuzzHost(TimeSpan timeout, params string[] args) =>
        Run(DotnetHost, new[] { FuzzHostPath }.Concat(args), timeout);

    public static ChildResult Run(string fileName, IEnumerable<string> args, TimeSpan timeout,
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
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool finished = process.WaitForExit(timeout);
        if (!finished) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return new ChildResult(process.ExitCode, stdout.Result, stderr.Result, !finished, clock.Elapsed);
    }
}
