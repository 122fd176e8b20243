using System.Globalization;
using System.Text.Json;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// Reviewed snapshots of the curves that define the zone at a small fixed scale (synthetic data, so they do not depend on
/// an installed dataset): Fig. 2 analogue (PC and spectral norm of H, G-term, H-term over α at T = 1) and the Fig. 1 right
/// analogue (the same at α = 1 over T). The files hold the values at full float64 precision, and every value is compared
/// with a relative tolerance <see cref="Rtol"/>: round-off differences between machines (≈1e-12 relative) pass, while any
/// real change of a curve (≥ 1e-4 relative) fails. Files: baselines/snapshots/__snapshots__; accepting a change:
/// baselines/README.md. These are regression checks: they catch any change of the curves, they check no claim.
/// </summary>
[TestFixture]
[Category(Categories.Snapshot)]
[Category(Categories.Regression)]
public sealed class SnapshotCurves
{
    /// <summary>Largest relative difference |new − reviewed| / max(|new|, |reviewed|) accepted per value.</summary>
    public const double Rtol = 1e-8;

    /// <summary>Magnitudes below this are written as 0: they are underflow remnants (collapsed softmax), not curve values.</summary>
    public const double Floor = 1e-100;

    /// <summary>Environment variable under which a missing snapshot fails instead of being written.</summary>
    public const string StrictVariable = "SNAPSHOOTER_STRICT_MODE";

    public sealed record CurveRow(double Alpha, double Temperature, double? PcHessian, double? PcGTerm, double? PcHTerm,
        double NormHessian, double NormGTerm, double NormHTerm, double MeanEntropy);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Regression check of the Fig. 2 analogue (listed in specs/G20 as such; the claim is checked by StatisticalZoneTests).</summary>
    [Test]
    public void ZoneCurvesOverAlpha()
    {
        using var problem = StatisticalProblems.Synthetic();
        var result = ZoneSweep.Run(problem.Model, problem.Data, ZoneSweepOptions.Default);
        Match(result.Points.Select(Row).ToArray(), "ZoneCurvesOverAlpha.snap");
    }

    /// <summary>Regression check of the Fig. 1 right analogue (listed in specs/G21 as such).</summary>
    [Test]
    public void ZoneCurvesOverTemperature()
    {
        using var problem = StatisticalProblems.Synthetic();
        var result = TemperatureSweep.Run(problem.Model, problem.Data, TemperatureSweep.DefaultTemperatures, new long[] { 0 });
        Match(result.Points.Select(Row).ToArray(), "ZoneCurvesOverTemperature.snap");
    }

    /// <summary>Negative control of the comparison: a value moved by 1e-6 relative, a null where a value was, and a missing
    /// row are reported; a move of 1e-13 relative (round-off) is not.</summary>
    [Test]
    [Category(Categories.NegativeControl)]
    public void ComparisonReportsChangesAboveTheToleranceOnly()
    {
        var reviewed = new[] { new CurveRow(0.1, 1, 0.5, 2.0, -0.25, 3.0, 1e-9, 2.0, 2.3), new CurveRow(1, 1, 1.5, 2.5, null, 4.0, 1.0, 3.0, 1.2) };
        var roundOff = reviewed.Select(r => r with { PcHessian = r.PcHessian * (1 + 1e-13), NormGTerm = r.NormGTerm * (1 - 1e-13) }).ToArray();
        var moved = new[] { reviewed[0] with { NormGTerm = 1e-9 * (1 + 1e-6) }, reviewed[1] with { PcGTerm = null } };
        var cases = new (string What, CurveRow[] Rows, int Expected)[] { ("round-off", roundOff, 0), ("moved", moved, 2), ("missing row", reviewed[..1], 1) };
        foreach (var (what, rows, expected) in cases)
        {
            var problems = Differences(reviewed, rows).ToArray();
            TestContext.Out.WriteLine($"{what}: {(problems.Length == 0 ? "no difference" : string.Join("; ", problems))}");
            problems.Should().HaveCount(expected, "case '{0}' must report {1} difference(s); reported: {2}", what, expected, string.Join("; ", problems));
        }
    }

    private static CurveRow Row(CurvaturePoint p) => new(p.Alpha, p.Temperature,
        Clean(p.Hessian.PositiveCurvature), Clean(p.GTerm.PositiveCurvature), Clean(p.HTerm.PositiveCurvature),
        Clean(p.Hessian.SpectralNorm)!.Value, Clean(p.GTerm.SpectralNorm)!.Value, Clean(p.HTerm.SpectralNorm)!.Value, Clean(p.MeanEntropy)!.Value);

    private static double? Clean(double? value) => value is { } v && Math.Abs(v) < Floor ? 0 : value;

    /// <summary>Compares <paramref name="rows"/> with the reviewed file; a missing file is written (and fails under
    /// <see cref="StrictVariable"/> = true), a difference writes the new rows to __mismatch__/ and fails with every field
    /// that moved.</summary>
    private static void Match(CurveRow[] rows, string file)
    {
        string folder = Path.Combine(RepositoryPaths.Snapshots, "__snapshots__");
        string path = Path.Combine(folder, file), mismatch = Path.Combine(folder, "__mismatch__", file);
        if (!File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable(StrictVariable), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"snapshot {path} is missing ({StrictVariable}=true): run the test without it to write one, review and commit it");
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, JsonSerializer.Serialize(rows, Json));
            TestContext.Out.WriteLine($"wrote the new snapshot {path}: review and commit it");
            return;
        }
        var reviewed = JsonSerializer.Deserialize<CurveRow[]>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"snapshot {path} holds no rows");
        var problems = Differences(reviewed, rows).ToArray();
        if (problems.Length == 0) { if (File.Exists(mismatch)) File.Delete(mismatch); return; }
        Directory.CreateDirectory(Path.GetDirectoryName(mismatch)!);
        File.WriteAllText(mismatch, JsonSerializer.Serialize(rows, Json));
        Assert.Fail($"{file}: {problems.Length} value(s) differ from the reviewed snapshot by more than {Rtol:E0} relative (new rows in {mismatch}; baselines/README.md says how to accept a change): {string.Join("; ", problems)}");
    }

    /// <summary>Every field of <paramref name="rows"/> that differs from <paramref name="reviewed"/> by more than
    /// <see cref="Rtol"/> relative (null only equals null), and any difference in the number of rows.</summary>
    internal static IEnumerable<string> Differences(IReadOnlyList<CurveRow> reviewed, IReadOnlyList<CurveRow> rows)
    {
        if (reviewed.Count != rows.Count) yield return $"{rows.Count} rows, the snapshot has {reviewed.Count}";
        var fields = typeof(CurveRow).GetProperties();
        for (int i = 0; i < Math.Min(reviewed.Count, rows.Count); i++)
            foreach (var f in fields)
            {
                var (a, b) = ((double?)f.GetValue(reviewed[i]), (double?)f.GetValue(rows[i]));
                if (a is null != b is null) { yield return $"row {i} {f.Name}: {Show(b)} vs reviewed {Show(a)}"; continue; }
                if (a is not { } x || b is not { } y || x == y) continue;
                double rel = Math.Abs(x - y) / Math.Max(Math.Abs(x), Math.Abs(y));
                if (!(rel <= Rtol)) yield return $"row {i} {f.Name}: {Show(y)} vs reviewed {Show(x)} (relative {rel:E2})";
            }
    }

    private static string Show(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
