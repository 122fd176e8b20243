
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W13: the paper's Fig. 7 table as reference data, and the laptop-scale sweep function.</summary>
public sealed class WangRobertsSweepTests
{
    private static string TablePath()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "baselines", "reference", "wang-roberts-fig7.csv"))) dir = dir.Parent;
        return dir is null ? throw new FileNotFoundException("baselines/reference/wang-roberts-fig7.csv not found above the test directory")
            : Path.Combine(dir.FullName, "baselines", "reference", "wang-roberts-fig7.csv");
    }

    /// <summary>Spearman rank correlation (no ties in the table).</summary>
    private static double Spearman(double[] x, double[] y)
    {
        double[] Ranks(double[] a) => a.Select(v => (double)a.Count(w => w < v) + 1).ToArray();
        var (rx, ry) = (Ranks(x), Ranks(y));
        int n = x.Length;
        return 1 - 6 * rx.Zip(ry, (a, b) => (a - b) * (a - b)).Sum() / (n * (n * (double)n - 1));
    }

    [Test]
    [Claim("W13")]
    public void Figure7_reference_table_shows_accuracy_rising_with_the_learning_rate()
    {
        var lines = File.ReadAllLines(TablePath()).Where(l => !l.StartsWith('#')).ToArray();
        var etas = lines[0].Split(',').Skip(1).Select(h => double.Parse(h["eta=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        etas.Should().Equal(new[] { 0.1, 0.2, 0.4, 0.8, 1.6, 3.2 }, "[W13] the header of the Fig. 7 table lists the paper's rates; read {0}", string.Join(", ", etas));
        lines.Length.Should().Be(6, "[W13] five rows of Fig. 7 plus the header; read {0} lines", lines.Length);
        foreach (var row in lines.Skip(1))
        {
            var cells = row.Split(',');
            var pairs = cells.Skip(1).Select((c, i) => (Eta: etas[i], Cell: c)).Where(p => p.Cell != "n.a.")
                .Select(p => (p.Eta, Acc: double.Parse(p.Cell, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            double rho = Spearman(pairs.Select(p => Math.Log(p.Eta)).ToArray(), pairs.Select(p => p.Acc).ToArray());
            TestContext.Out.WriteLine($"{cells[0]}: Spearman ρ(η, accuracy) = {rho:F3}, best η = {pairs.MaxBy(p => p.Acc).Eta}");
            ClaimAssert.That("W13", rho >= W13Constants.MinSpearman, $"{cells[0]}: accuracy should rise with η (ρ = {rho:F3} < {W13Constants.MinSpearman})");
        }
    }

    [Test]
    [Category(Categories.Slow)]
    [Claim("W13")]
    public void Laptop_sweep_reports_accuracy_per_learning_rate_and_flags_divergence()
    {
        var points = LearningRateSweep.Run(new[] { 0.05, 0.5, 50.0 }, steps: W13Constants.SweepSteps, seed: 1, testSamples: W13Constants.TestSamples);
        foreach (var p in points) TestContext.Out.WriteLine(p.ToString());
        points.Should().HaveCount(3, "[W13] one point per learning rate; got {0}", points.Count);
        points.Take(2).Should().OnlyContain(p => !p.Diverged && p.TestAccuracy >= 0 && p.TestAccuracy <= 1 && p.FinalTrainLoss < W13Constants.MaxTrainLoss,
            "[W13] η = 0.05 and 0.5 train without divergence to a loss below {1}: {0}", string.Join("; ", points.Take(2)), W13Constants.MaxTrainLoss);
        ClaimAssert.That("W13", points[1].InitialStabilityRatio > points[0].InitialStabilityRatio, $"ηS₀/2 grows with η: {points[0].InitialStabilityRatio:R} then {points[1].InitialStabilityRatio:R}");
        ClaimAssert.That("W13", points.All(p => p.Diverged == double.IsNaN(p.TestAccuracy)), $"a diverged run is flagged, never silently NaN: (diverged, test accuracy) = {string.Join(", ", points.Select(p => $"({p.Diverged}, {p.TestAccuracy:R})"))}");
        ClaimAssert.That("W13", points[2].InitialStabilityRatio > 1, $"η = 50 is past the stability limit at initialisation: ηS₀/2 = {points[2].InitialStabilityRatio:R}");
    }
}
