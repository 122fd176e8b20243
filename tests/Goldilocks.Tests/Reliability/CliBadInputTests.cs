using Goldilocks.Cli;
using Goldilocks.Tests.Cli;
using Goldilocks.Tests.Data;

namespace Goldilocks.Tests.Reliability;

/// <summary>
/// CLI side of the bad-input catalogue: the cases Cli/*Tests do not already cover: corrupted FashionMNIST IDX files in
/// --data-dir, unwritable --out (below a regular file, in /proc) for sweep commands and merge, α ≤ 0 and unknown
/// models on the sweep commands. Each exits 2 with a one-line message naming the problem and no stack trace.
/// </summary>
public sealed class CliBadInputTests : TempFolderTest
{
    private static readonly string[] FashionMlp = { "curvature", "--dataset", "fashion-mnist", "--model", "mlp", "--hidden", "4", "--samples", "10", "-d", "3" };

    private static readonly string[] TinySynthetic = { "--dataset", "synthetic", "--samples", "40", "--features", "6", "--model", "mlp", "--hidden", "6" };

    /// <summary>(case name, how to break the IDX pair in a folder, text the message must contain).</summary>
    public static IEnumerable<TestCaseData> CorruptIdx()
    {
        TestCaseData Case(string name, Action<DataFiles> write, string expected) => new TestCaseData(write, expected).SetArgDisplayNames(name);
        yield return Case("bad-magic", f => { f.WriteFashion(20); Corrupt(f.In("train-images-idx3-ubyte"), 0, 0x7F); }, "train-images-idx3-ubyte");
        yield return Case("wrong-type-byte", f => { f.WriteFashion(20); Corrupt(f.In("train-labels-idx1-ubyte"), 2, 0x0D); }, "train-labels-idx1-ubyte");
        yield return Case("truncated-images", f => { f.WriteFashion(20); Truncate(f.In("train-images-idx3-ubyte"), 4 + 12 + 784 * 3); }, "train-images-idx3-ubyte");
        yield return Case("empty-labels", f => { f.WriteFashion(20); File.WriteAllBytes(f.In("train-labels-idx1-ubyte"), Array.Empty<byte>()); }, "train-labels-idx1-ubyte");
        yield return Case("label-count-mismatch", f => f.WriteFashion(20, labelCount: 17), "17");
        yield return Case("label-out-of-range", f => f.WriteFashion(20, mutateLabels: l => { l[5] = 42; return l; }), "42");
        yield return Case("gzip-garbage", f => { f.WriteFashion(20); File.Delete(f.In("train-images-idx3-ubyte")); f.Write("train-images-idx3-ubyte.gz", Enumerable.Range(0, 300).Select(i => (byte)(i * 31)).ToArray()); }, "train-images-idx3-ubyte.gz");
    }

    [TestCaseSource(nameof(CorruptIdx))]
    public void Corrupted_idx_in_data_dir_exits_2_naming_the_problem(Action<DataFiles> write, string expected)
    {
        using var files = new DataFiles();
        write(files);
        AssertUsageError(CliRunner.Run(FashionMlp.Concat(new[] { "--data-dir", files.Folder, "--out", Sub("out") }).ToArray()), expected);
    }

    public static IEnumerable<TestCaseData> BadSweepOptions()
    {
        yield return new TestCaseData((object)new[] { "zone", "--alpha-min", "0" }, "--alpha-min must be a positive finite number").SetArgDisplayNames("zone-alpha-0");
        yield return new TestCaseData((object)new[] { "curvature", "--alpha", "1", "-0.5", "2" }, "--alpha").SetArgDisplayNames("curvature-grid-alpha-negative");
        yield return new TestCaseData((object)new[] { "temperature", "--model", "vgg16" }, "unknown model 'vgg16'").SetArgDisplayNames("temperature-unknown-model");
        yield return new TestCaseData((object)new[] { "trainability", "--model", "vgg16" }, "unknown model 'vgg16'").SetArgDisplayNames("trainability-unknown-model");
        yield return new TestCaseData((object)new[] { "curvature", "--model", "" }, "unknown model").SetArgDisplayNames("curvature-empty-model");
    }

    [TestCaseSource(nameof(BadSweepOptions))]
    public void Bad_sweep_options_exit_2_naming_the_option(string[] args, string expected) =>
        AssertUsageError(CliRunner.Run(args.Concat(new[] { "--out", Sub("out") }).ToArray()), expected);

    public static IEnumerable<TestCaseData> BadReportOptions()
    {
        yield return new TestCaseData((object)new[] { "report", "--quick", "--full" }, "--quick and --full ask for two different profiles").SetArgDisplayNames("report-quick-and-full");
        yield return new TestCaseData((object)new[] { "report", "--full", "--shard", "3/2" }, "--shard: shard index i must satisfy 0 ≤ i < n = 2, got 3").SetArgDisplayNames("report-full-shard-3-of-2");
        yield return new TestCaseData((object)new[] { "report", "--full", "--shard", "1" }, "--shard: shard must be written i/n").SetArgDisplayNames("report-full-shard-not-i-of-n");
        yield return new TestCaseData((object)new[] { "report", "--quick", "--shard", "2/2" }, "--shard: shard index i must satisfy 0 ≤ i < n = 2, got 2").SetArgDisplayNames("report-quick-shard-2-of-2");
        yield return new TestCaseData((object)new[] { "zone", "--dtype", "float16" }, "unknown dtype 'float16': use one of float64, float32").SetArgDisplayNames("zone-dtype-float16");
        yield return new TestCaseData((object)new[] { "temperature", "--dtype", "float32", "--model-file", "net.pt" }, "--dtype float32 cannot be used with --model-file")
            .SetArgDisplayNames("temperature-float32-model-file");
    }

    /// <summary>The report's profile options and --dtype: rejected before anything runs (no report.html is written).</summary>
    [TestCaseSource(nameof(BadReportOptions))]
    public void Bad_report_and_dtype_options_exit_2_naming_them(string[] args, string expected)
    {
        AssertUsageError(CliRunner.Run(args.Concat(new[] { "--out", Sub("out") }).ToArray()), expected);
        File.Exists(Path.Combine(Dir, "out", "report.html")).Should().BeFalse("a usage error stops the report before any section runs");
    }

    [TestCase("zone")]
    [TestCase("curvature")]
    public void Output_folder_below_a_regular_file_exits_2_naming_it(string command)
    {
        string file = Path.Combine(Dir, "plain-file");
        File.WriteAllText(file, "x");
        var args = new[] { command }.Concat(TinySynthetic).Concat(command == "zone" ? new[] { "--points", "2", "--seeds", "1", "-d", "3" } : new[] { "-d", "3" });
        AssertUsageError(CliRunner.Run(args.Concat(new[] { "--out", Path.Combine(file, "sub") }).ToArray()), "plain-file");
    }

    [Test]
    public void Output_folder_in_proc_exits_2_naming_it()
    {
        if (!Directory.Exists("/proc/self")) Assert.Ignore("no /proc on this system");
        AssertUsageError(CliRunner.Run(new[] { "curvature" }.Concat(TinySynthetic).Concat(new[] { "-d", "3", "--out", "/proc/goldilocks-out" }).ToArray()), "/proc/goldilocks-out");
    }

    [Test]
    public void Merge_into_an_unwritable_folder_exits_2_naming_it()
    {
        var shard = CliRunner.Run(CliRunner.SmallCurvature.With("--alpha", "1", "2", "--out", Sub("s0")));
        shard.ExitCode.Should().Be(0, shard.ToString());
        string file = Path.Combine(Dir, "plain-file");
        File.WriteAllText(file, "x");
        AssertUsageError(CliRunner.Run("merge", Sub("s0"), "--out", Path.Combine(file, "merged")), "plain-file");
    }

    /// <summary>Exit 2; the first stderr line names the problem; at most the "--help" hint follows; no stack trace anywhere.</summary>
    private static void AssertUsageError(CliRunner.Result r, string expected)
    {
        r.ExitCode.Should().Be(CliApp.ExitUsage, r.ToString());
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().NotBeEmpty(r.ToString());
        lines[0].Should().StartWith("goldilocks:").And.Contain(expected, r.ToString());
        lines.Skip(1).Where(l => !l.Contains("--help")).Should().BeEmpty("one message line, then at most the help hint: " + r);
        (r.Out + r.Error).Should().NotContain("   at ", "no stack trace");
        TestContext.Out.WriteLine(lines[0]);
    }

    private static void Corrupt(string path, int offset, byte value)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] = value;
        File.WriteAllBytes(path, bytes);
    }

    private static void Truncate(string path, int length) => File.WriteAllBytes(path, File.ReadAllBytes(path)[..length]);
}
