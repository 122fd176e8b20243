using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Goldilocks.Cli;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// A <c>goldilocks curvature --alpha …</c> sweep in a child process is interrupted by SIGINT or
/// SIGKILL three times, each time later in the grid, and resumed with <c>--resume</c>, every child at one thread (<see cref="TorchRuntime.ThreadsVariable"/>). After every interruption each
/// file under --out is complete JSON (only <see cref="AtomicFile.TempSuffix"/> temporaries of a killed writer are
/// tolerated, and the next run deletes them), no cell saved before the signal is lost or changed, and SIGINT exits
/// promptly with <see cref="CliApp.ExitInterrupted"/>. The finished sweep equals an uninterrupted run bit for bit,
/// and the cells saved before the interruptions are reused, not recomputed.
/// </summary>
[Category(Categories.Slow)]
public sealed class InterruptedSweepTests
{
    private const int Interruptions = 3;

    private static readonly string[] Alphas = Enumerable.Range(0, 15).Select(i => Math.Pow(10, -1 + i / 7.0).ToString("R", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Tiny synthetic settings: each cell takes ~0.1-0.3 s, so a signal lands mid-sweep.</summary>
    private static readonly string[] Grid = new[] { "curvature", "--samples", "300", "--features", "12", "--hidden", "32", "-d", "24", "--json", "--alpha" }
        .Concat(Alphas).ToArray();

    /// <summary>Every child runs at one fixed thread count: bitwise equality across processes holds only at a fixed
    /// count (parallel reductions sum in a count-dependent order), and the default count, the processors the child
    /// sees, is not a premise this test may leave to the machine.</summary>
    private static readonly Dictionary<string, string> OneThread = new() { [TorchRuntime.ThreadsVariable] = "1" };

    private string _root = "";
    private string _reference = "";

    [OneTimeSetUp]
    public void UninterruptedReference()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("POSIX signals need Linux or macOS");
        _root = Goldilocks.Tests.Cli.CliRunner.TempFolder();
        var run = RunCli(Path.Combine(_root, "reference"));
        Assert.That(run.ExitCode, Is.EqualTo(CliApp.ExitOk), run.Describe());
        _reference = Results(Path.Combine(_root, "reference"));
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (_root.Length > 0) Directory.Delete(_root, recursive: true);
    }

    [TestCase(RunningChild.SigInt, "SIGINT")]
    [TestCase(RunningChild.SigKill, "SIGKILL")]
    public void Interrupted_sweep_loses_no_finished_cell_and_resumes_to_the_uninterrupted_result(int signal, string name)
    {
        string outDir = Path.Combine(_root, name);
        string cells = Path.Combine(outDir, SweepStore.CellFolder);
        var kept = new Dictionary<string, string>(); // every cell file seen after an interruption → its bytes
        int filesChecked = 0, temporaries = 0, inProgressLost = 0;
        var exits = new List<string>();
        for (int k = 1; k <= Interruptions; k++)
        {
            int before = CellNames(cells).Length;
            using var child = ChildProcess.StartCli(Grid.Concat(new[] { "--out", outDir, "--resume" }), OneThread);
            var atSignal = WaitForCells(cells, before + k, child); // the k-th run is stopped after k new cells: a later moment each time
            child.Signal(signal);
            var clock = Stopwatch.StartNew();
            var exit = child.WaitForExit(TimeSpan.FromSeconds(30));
            double exitSeconds = clock.Elapsed.TotalSeconds;
            exits.Add($"{exit.ExitCode} after {exitSeconds:F2} s");
            Assert.That(exit.TimedOut, Is.False, $"{name} #{k}: the sweep did not exit: {exit.Describe()}");
            if (signal == RunningChild.SigInt)
            {
                Assert.That(exit.ExitCode, Is.EqualTo(CliApp.ExitInterrupted), $"{name} #{k}: {exit.Describe()}");
                Assert.That(exit.StdErr, Does.Contain("interrupted").And.Contain("--resume").And.Not.Contain("   at "), exit.Describe());
                Assert.That(exitSeconds, Is.LessThan(10), $"{name} #{k}: exit took {exitSeconds:F2} s (at most the cell in progress should finish)");
            }
            else Assert.That(exit.ExitCode, Is.Not.EqualTo(CliApp.ExitOk), exit.Describe());

            var (valid, temps) = CheckEveryFileIsCompleteJson(outDir, $"{name} #{k}");
            filesChecked += valid + temps;
            temporaries += temps;
            var after = CellNames(cells);
            Assert.That(after, Is.SupersetOf(atSignal), $"{name} #{k}: a cell saved before the signal disappeared");
            Assert.That(after.Length, Is.LessThan(Alphas.Length), $"{name} #{k}: the sweep finished before the signal; cells are too fast for this test");
            Assert.That(File.Exists(Path.Combine(outDir, "curvature.json")), Is.False, $"{name} #{k}: sweep outputs written by an unfinished sweep");
            foreach (var (cell, bytes) in kept)
                Assert.That(File.ReadAllText(Path.Combine(cells, cell)), Is.EqualTo(bytes), $"{name} #{k}: saved cell {cell} changed");
            foreach (var cell in after) kept[cell] = File.ReadAllText(Path.Combine(cells, cell));
            inProgressLost += signal == RunningChild.SigKill ? 1 : 0; // SIGKILL discards the cell being computed; SIGINT finishes it
        }

        var final = RunCli(outDir, "--resume");
        Assert.That(final.ExitCode, Is.EqualTo(CliApp.ExitOk), final.Describe());
        Assert.That(final.StdErr, Does.Contain($"{Alphas.Length}/{Alphas.Length}"), final.Describe());
        var (finalValid, finalTemps) = CheckEveryFileIsCompleteJson(outDir, $"{name} after --resume");
        filesChecked += finalValid + finalTemps;
        Assert.That(finalTemps, Is.Zero, "the resumed run must delete temporaries left by a killed writer");
        foreach (var (cell, bytes) in kept)
            Assert.That(File.ReadAllText(Path.Combine(cells, cell)), Is.EqualTo(bytes), $"{name}: --resume recomputed the saved cell {cell}");
        Assert.That(Results(outDir), Is.EqualTo(_reference), $"{name}: the resumed sweep differs from the uninterrupted run");
        TestContext.Out.WriteLine($"{name}: interruptions survived {Interruptions}/{Interruptions} (exits: {string.Join("; ", exits)}); " +
            $"cells saved before the final resume {kept.Count}/{Alphas.Length}; cells in progress discarded ≤ {inProgressLost}; " +
            $"files checked {filesChecked} ({temporaries} temporaries of killed writers, deleted by the resume); final run {final.Elapsed.TotalSeconds:F1} s");
    }

    private static ChildResult RunCli(string outDir, params string[] extra) =>
        ChildProcess.RunCli(Grid.Concat(new[] { "--out", outDir }).Concat(extra), TimeSpan.FromSeconds(120), OneThread);

    /// <summary>The "results" array of the finished sweep document, as written (round-trip doubles: bitwise comparison).</summary>
    private static string Results(string outDir) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "curvature.json")))!["results"]!.ToJsonString();

    private static string[] CellNames(string cells) =>
        Directory.Exists(cells) ? Directory.GetFiles(cells, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : Array.Empty<string>();

    private static string[] WaitForCells(string cells, int count, RunningChild child)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var names = CellNames(cells);
            if (names.Length >= count) return names;
            if (child.HasExited) Assert.Fail($"the sweep exited before {count} cells were saved: {child.WaitForExit(TimeSpan.Zero).Describe()}");
            Thread.Sleep(5);
        }
        Assert.Fail($"no {count} cells after 90 s");
        return Array.Empty<string>();
    }

    /// <summary>Every file under <paramref name="outDir"/> parses as a complete JSON object, or is a temporary of
    /// <see cref="AtomicFile"/>; returns (JSON files, temporaries).</summary>
    private static (int Json, int Temporaries) CheckEveryFileIsCompleteJson(string outDir, string when)
    {
        int json = 0, temps = 0;
        foreach (var file in Directory.GetFiles(outDir, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal)) { temps++; continue; }
            if (!file.EndsWith(".json", StringComparison.Ordinal))
            {
                Assert.That(Path.GetFileName(file), Does.StartWith("curvature").And.Not.StartWith("."), $"{when}: unexpected file {file}");
                Assert.That(new FileInfo(file).Length, Is.GreaterThan(0), $"{when}: empty {file}");
                continue;
            }
            try
            {
                var doc = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                Assert.That(doc.ContainsKey("results"), Is.True, $"{when}: {file} has no results");
            }
            catch (JsonException e)
            {
                Assert.Fail($"{when}: {file} is not complete JSON (half-written?): {e.Message}");
            }
            json++;
        }
        return (json, temps);
    }
}
