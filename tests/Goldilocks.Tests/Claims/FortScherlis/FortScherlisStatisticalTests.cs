namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>
/// Statistical claims of Fort &amp; Scherlis (F4, F7 on a network, F8-F11) at laptop scale. Margins come from
/// <see cref="FortScherlisCalibration"/> over seeds 0..19; the specs record the distributions.
/// </summary>
[Category(Categories.Statistical)]
public sealed class FortScherlisStatisticalTests
{
    private static readonly int[] F4Dimensions = { 2, 8, 32, 144 };

    /// <summary>The F4 scans: offset-shifted seeds 0, 1, … until <see cref="F4Constants.Admitted"/> have PC(H) ≥ <see cref="F4Constants.MinResolvablePc"/>.</summary>
    private static readonly Lazy<(IReadOnlyList<(long Seed, DimensionScanResult Run)> All, IReadOnlyList<(long Seed, DimensionScanResult Run)> Admitted)> F4Scans =
        new(() => SeedWindow.Admit(F4Constants.Admitted, F4Constants.MaxSeeds, seed => (Seed: seed, Run: DimensionScan.Run(seed, F4Dimensions, F4Constants.Bases)),
            m => m.Run.FullPositiveCurvature >= F4Constants.MinResolvablePc));

    /// <summary>Mean PC and positive fraction at d = 2 and d = 32 of one scan: as measured (<paramref name="rng"/> null) or,
    /// for the F4 null model (d does not matter), with the d = 2 / d = 32 labels of its bases permuted by <paramref name="rng"/>.</summary>
    internal static (double Pc2, double Pc32, double Pos2, double Pos32) F4Labelled(DimensionScanResult r, Random? rng)
    {
        var pairs = r.BasisPositiveCurvature[0].Zip(r.BasisPositiveFraction[0]).Concat(r.BasisPositiveCurvature[2].Zip(r.BasisPositiveFraction[2])).ToArray();
        if (rng is not null) pairs = NullModel.Permuted(pairs, rng);
        int b = r.BasisPositiveCurvature[0].Count;
        return (pairs.Take(b).Average(p => p.First), pairs.Skip(b).Average(p => p.First), pairs.Take(b).Average(p => p.Second), pairs.Skip(b).Average(p => p.Second));
    }

    /// <summary>The F4 verdict on PC growth, plateau and positive-fraction drop, given the (possibly relabelled) statistics of each scan.</summary>
    internal static bool F4Passes(DimensionScanResult first, IEnumerable<DimensionScanResult> admitted, Func<DimensionScanResult, (double Pc2, double Pc32, double Pos2, double Pos32)> stats)
    {
        bool Drops(DimensionScanResult r) { var s = stats(r); return s.Pos2 - s.Pos32 > F4Constants.MinPositiveDrop; }
        return admitted.All(r => { var s = stats(r); return s.Pc2 < s.Pc32 && s.Pc32 / r.FullPositiveCurvature > F4Constants.MinPlateau && Drops(r); }) && Drops(first);
    }

    [Test]
    [Claim("F4")]
    public void F4_projected_PC_grows_with_d_and_reaches_PC_of_H_while_the_positive_fraction_falls()
    {
        int[] dims = F4Dimensions;
        // Growth (d ≪ PC²) and plateau (d ≳ PC²) are a statement about nets whose PC(H) is not small (specs/F4): seeds
        // are admitted in order until F4Constants.Admitted of them have PC(H) ≥ F4Constants.MinResolvablePc (9/20 calibrated seeds do).
        var (all, admitted) = F4Scans.Value;
        foreach (var (seed, (full, _, pc, positive)) in all)
        {
            TestContext.Out.WriteLine($"seed {seed}: PC(H) = {full:F3}{(full >= F4Constants.MinResolvablePc ? " (admitted)" : "")}; PC(H_d) for d = {string.Join(", ", dims)}: {string.Join(", ", pc.Select(x => x.ToString("F3")))}; positive fraction: {string.Join(", ", positive.Select(x => x.ToString("F3")))}");
            ClaimAssert.Close("F4", $"seed {seed}: PC(H_d) at d = D (orthonormal basis: a similarity transform)", pc[3], full, F4Constants.FullDimensionRtol);
        }
        ClaimAssert.That("F4", admitted.Count == F4Constants.Admitted,
            $"only {admitted.Count} of {all.Count} seeds have PC(H) ≥ {F4Constants.MinResolvablePc} (PC(H) = {string.Join(", ", all.Select(m => m.Run.FullPositiveCurvature.ToString("F3")))}); {F4Constants.Admitted} needed");
        foreach (var (seed, (full, _, pc, positive)) in admitted)
        {
            ClaimAssert.That("F4", pc[0] < pc[2], $"seed {seed} (PC(H) = {full:F3}): PC(H_d) must grow from d = 2 ({pc[0]:F3}) to d = 32 ({pc[2]:F3})");
            ClaimAssert.That("F4", pc[2] / full > F4Constants.MinPlateau, $"seed {seed}: PC(H_32)/PC(H) = {pc[2] / full:F3} ≤ {F4Constants.MinPlateau}; it should be near 1 once d ≳ PC² = {full * full:F1}");
            ClaimAssert.That("F4", positive[0] - positive[2] > F4Constants.MinPositiveDrop,
                $"seed {seed}: positive fraction must fall from d = 2 ({positive[0]:F3}) to d = 32 ({positive[2]:F3}) by more than {F4Constants.MinPositiveDrop}");
        }
        var first = all[0].Run;
        ClaimAssert.That("F4", first.PositiveFraction[0] - first.PositiveFraction[2] > F4Constants.MinPositiveDrop,
            $"seed {all[0].Seed}: positive fraction must fall from d = 2 ({first.PositiveFraction[0]:F3}) to d = 32 ({first.PositiveFraction[2]:F3}) by more than {F4Constants.MinPositiveDrop}");
    }

    /// <summary>F4 null model: d does not matter, i.e. the bases measured at d = 2 and at d = 32 are exchangeable. One fixed
    /// relabelling of the test's own scans must fail the growth/plateau/drop verdict.</summary>
    [Test]
    [Claim("F4")]
    [Category(Categories.NegativeControl)]
    public void F4_with_the_dimension_labels_of_the_bases_permuted_PC_neither_grows_nor_the_positive_fraction_falls()
    {
        var (all, admitted) = F4Scans.Value;
        var rng = new Random(F4Constants.NullDraw);
        var relabelled = all.ToDictionary(m => m.Run, m => F4Labelled(m.Run, rng));
        foreach (var (seed, run) in all)
        {
            var s = relabelled[run];
            TestContext.Out.WriteLine($"seed {seed} (PC(H) = {run.FullPositiveCurvature:F3}{(admitted.Any(m => m.Seed == seed) ? ", admitted" : "")}), d labels permuted (draw {F4Constants.NullDraw}): PC_2 {s.Pc2:F3}, PC_32 {s.Pc32:F3}, positive fraction {s.Pos2:F3} → {s.Pos32:F3}");
        }
        ClaimAssert.That("F4", !F4Passes(all[0].Run, admitted.Select(m => m.Run), r => relabelled[r]),
            "negative control: with the d = 2 / d = 32 labels of the bases permuted, PC still grows with a plateau and the positive fraction still falls on every admitted seed and the first");
    }

    /// <summary>The radius multiples r/r_init of the F8 scan.</summary>
    internal static readonly double[] F8Multiples = { 0.05, 0.3, 1, 3, 20 };

    /// <summary>The F8 zone-shape checks on PC(H) at <see cref="F8Multiples"/>: the verdict of the test and of its null model.</summary>
    internal static (bool Holds, string Message)[] F8Checks(IReadOnlyList<double> pc) => new[]
    {
        (pc[2] > F8Constants.MinPeakRatio * pc[1], $"PC at r_init = {pc[2]:F3} should exceed {F8Constants.MinPeakRatio}× its value at 0.3 r_init ({pc[1]:F3})"),
        (pc[0] < F8Constants.MaxInsidePc, $"PC far inside (0.05 r_init) = {pc[0]:F4} should be below {F8Constants.MaxInsidePc} (≈ 0)"),
        (pc[4] < pc[2], $"PC far outside (20 r_init) = {pc[4]:F3} should be below its value at r_init ({pc[2]:F3})"),
    };

    /// <summary>The F8 scans of the test: PC(H) at <see cref="F8Multiples"/> for offset-shifted seeds 0 .. <see cref="F8Constants.Seeds"/> − 1.</summary>
    private static readonly Lazy<IReadOnlyList<(long Seed, IReadOnlyList<double> Pc)>> F8Scans =
        new(() => Enumerable.Range(0, F8Constants.Seeds).Select(s => SeedOffset.Apply((long)s)).Select(seed => (seed, RadiusScan.Run(seed, F8Multiples).PositiveCurvature)).ToList());

    [Test]
    [Claim("F8")]
    public void F8_PC_peaks_near_the_initialization_radius_and_vanishes_far_inside()
    {
        foreach (var (seed, pc) in F8Scans.Value)
        {
            TestContext.Out.WriteLine($"seed {seed}: PC(H) at r/r_init = {string.Join(", ", F8Multiples)}: {string.Join(", ", pc.Select(x => x.ToString("F4")))}");
            foreach (var (holds, message) in F8Checks(pc)) ClaimAssert.That("F8", holds, $"seed {seed}: {message}");
        }
    }

    /// <summary>F8 null model: PC does not depend on the radius, i.e. the radius labels of a scan are exchangeable. One fixed
    /// relabelling of the test's own scans must fail the zone-shape checks on at least one seed.</summary>
    [Test]
    [Claim("F8")]
    [Category(Categories.NegativeControl)]
    public void F8_with_the_radius_labels_of_the_scans_permuted_the_zone_shape_fails()
    {
        var rng = new Random(F8Constants.NullDraw);
        var relabelled = F8Scans.Value.Select(m => (m.Seed, Pc: (IReadOnlyList<double>)NullModel.Permuted(m.Pc, rng))).ToList();
        foreach (var (seed, pc) in relabelled)
            TestContext.Out.WriteLine($"seed {seed}, radius labels permuted (draw {F8Constants.NullDraw}): PC(H) at r/r_init = {string.Join(", ", F8Multiples)}: {string.Join(", ", pc.Select(x => x.ToString("F4")))}; checks {string.Join(" ", F8Checks(pc).Select(c => c.Holds ? "hold" : "fail"))}");
        ClaimAssert.That("F8", !relabelled.All(m => F8Checks(m.Pc).All(c => c.Holds)),
            $"negative control: with the radius labels of the {relabelled.Count} scans permuted (draw {F8Constants.NullDraw}), every zone-shape check still holds on every seed");
    }

    /// <summary>The radius multiples of the F9 surfaces.</summary>
    internal static readonly double[] F9Multiples = { 0.1, 1, 10 };

    /// <summary>The five F9 checks on the mean accuracies: the verdict of the test and of its null model.</summary>
    internal static (bool Holds, string Message)[] F9Checks(SurfaceAccuracyMeans acc)
    {
        var (plane, sphere) = (acc.Hyperplane, acc.Hypersphere);
        return new[]
        {
            (plane[1] - plane[2] > F9Constants.MinPlaneOutsideDrop, $"hyperplane accuracy should drop from r_init ({plane[1]:F3}) to 10 r_init ({plane[2]:F3}) by > {F9Constants.MinPlaneOutsideDrop}"),
            (plane[0] - plane[2] > F9Constants.MinPlaneInsideOverOutside, $"hyperplanes through 0.1 r_init ({plane[0]:F3}) should beat those through 10 r_init ({plane[2]:F3}) by > {F9Constants.MinPlaneInsideOverOutside}"),
            (plane[1] - plane[0] < F9Constants.MaxPlaneInsideShortfall, $"hyperplanes through 0.1 r_init ({plane[0]:F3}) should do about as well as through r_init ({plane[1]:F3}): shortfall < {F9Constants.MaxPlaneInsideShortfall}"),
            (sphere[1] - sphere[2] > F9Constants.MinSphereOutsideDrop, $"hypersphere accuracy should drop from r_init ({sphere[1]:F3}) to 10 r_init ({sphere[2]:F3}) by > {F9Constants.MinSphereOutsideDrop}"),
            (sphere[1] - sphere[0] > F9Constants.MinSphereInsideDrop, $"hypersphere accuracy should drop from r_init ({sphere[1]:F3}) to 0.1 r_init ({sphere[0]:F3}) by > {F9Constants.MinSphereInsideDrop}"),
        };
    }

    /// <summary>The F9 null model: the radius does not matter, i.e. the accuracies of each surface (kind, basis j) at the
    /// three radii are exchangeable; every surface's radius labels are permuted independently by <paramref name="rng"/>.</summary>
    internal static SurfaceAccuracyMeans F9Relabelled(SurfaceAccuracyMeans acc, Random rng)
    {
        IReadOnlyList<IReadOnlyList<double>> Relabel(IReadOnlyList<IReadOnlyList<double>> runs)
        {
            var r = runs.Select(x => x.ToArray()).ToArray();
            for (int j = 0; j < r[0].Length; j++)
            {
                var permuted = NullModel.Permuted(r.Select(x => x[j]).ToArray(), rng);
                for (int i = 0; i < r.Length; i++) r[i][j] = permuted[i];
            }
            return r;
        }
        return acc with { HyperplaneRuns = Relabel(acc.HyperplaneRuns), HypersphereRuns = Relabel(acc.HypersphereRuns) };
    }

    /// <summary>The F9 surfaces of the test (seed 0, offset-shifted), shared by the claim and its negative control.</summary>
    private static readonly Lazy<SurfaceAccuracyMeans> F9Surfaces = new(() => SurfaceAccuracy.Means(SeedOffset.Apply(0L), F9Multiples, F9Constants.Bases));

    [Test]
    [Claim("F9")]
    public void F9_training_on_random_hyperplanes_and_hyperspheres_works_only_where_they_meet_the_zone()
    {
        // Hyperplane[i], Hypersphere[i]: hyperplanes, hyperspheres through F9Multiples[i]·θ_init, each the mean over F9Constants.Bases surfaces.
        var acc = F9Surfaces.Value;
        TestContext.Out.WriteLine($"mean accuracy over {F9Constants.Bases} surfaces at {string.Join(", ", F9Multiples)} r_init: plane {string.Join(", ", acc.Hyperplane.Select(x => x.ToString("F3")))}; sphere {string.Join(", ", acc.Hypersphere.Select(x => x.ToString("F3")))}");
        foreach (var (holds, message) in F9Checks(acc)) ClaimAssert.That("F9", holds, message);
    }

    /// <summary>F9 null model (<see cref="F9Relabelled"/>): one fixed relabelling of the radii of the test's own surfaces must fail the checks.</summary>
    [Test]
    [Claim("F9")]
    [Category(Categories.NegativeControl)]
    public void F9_with_the_radius_labels_of_each_surface_permuted_the_accuracy_pattern_fails()
    {
        var acc = F9Relabelled(F9Surfaces.Value, new Random(F9Constants.NullDraw));
        var checks = F9Checks(acc);
        string numbers = $"mean accuracy at {string.Join(", ", F9Multiples)} r_init with each surface's radius labels permuted (draw {F9Constants.NullDraw}): plane {string.Join(", ", acc.Hyperplane.Select(x => x.ToString("F3")))}; sphere {string.Join(", ", acc.Hypersphere.Select(x => x.ToString("F3")))}; checks {string.Join(" ", checks.Select(c => c.Holds ? "hold" : "fail"))}";
        TestContext.Out.WriteLine(numbers);
        ClaimAssert.That("F9", !checks.All(c => c.Holds), $"negative control: {numbers}");
    }

    [Test]
    [Claim("F10")]
    public void F10_training_started_well_inside_the_zone_drifts_outward()
    {
        double ratio = RadiusDrift.Run(SeedOffset.Apply(0L), F10Constants.StartRadius).Ratio;
        TestContext.Out.WriteLine($"‖θ_T‖/r_init after GD from 0.1 r_init: {ratio:F3}");
        ClaimAssert.That("F10", ratio > F10Constants.MinRatio, $"the radius should grow from 0.1 r_init to > {F10Constants.MinRatio} r_init, got {ratio:F3}");
    }

    /// <summary>F10 null model (<see cref="RadiusDrift.RunWithRandomRadialSigns"/>): the same GD with a random sign on the
    /// radial component of every step has no outward preference; on the test's seed and one fixed sign draw the radius
    /// must stay at or below the margin.</summary>
    [Test]
    [Claim("F10")]
    [Category(Categories.NegativeControl)]
    public void F10_with_random_signs_on_the_radial_part_of_the_steps_the_radius_does_not_grow_past_the_margin()
    {
        double ratio = RadiusDrift.RunWithRandomRadialSigns(SeedOffset.Apply(0L), F10Constants.StartRadius, new Random(F10Constants.NullDraw)).Ratio;
        TestContext.Out.WriteLine($"‖θ_T‖/r_init after GD from {F10Constants.StartRadius} r_init with random radial signs (draw {F10Constants.NullDraw}): {ratio:F4}");
        ClaimAssert.That("F10", ratio <= F10Constants.MinRatio,
            $"negative control: with random signs on the radial part of the steps (draw {F10Constants.NullDraw}) the radius grew from {F10Constants.StartRadius} r_init to {ratio:F4} r_init > {F10Constants.MinRatio}");
    }

    /// <summary>The F11 draws of the test: for offset-shifted seeds 0 .. <see cref="F11Constants.Seeds"/> − 1 (each its own
    /// dataset), PC(H) and the loss at <see cref="F11Constants.Draws"/> Kaiming draws on the shell; shared by the claim and its negative control.</summary>
    private static readonly Lazy<IReadOnlyList<CurvatureLossResult>> F11Draws =
        new(() => Enumerable.Range(0, F11Constants.Seeds).Select(s => CurvatureLossCorrelation.Run(SeedOffset.Apply((long)s), F11Constants.Draws, onShell: true)).ToList());

    [Test]
    [Claim("F11")]
    [Category(Categories.Slow)]
    public void F11_higher_PC_goes_with_lower_initial_loss_on_the_initialization_shell()
    {
        var runs = F11Draws.Value;
        double rho = runs.Average(r => r.Spearman);
        string perSeed = string.Join(", ", runs.Select(r => r.Spearman.ToString("F3")));
        TestContext.Out.WriteLine($"Spearman correlation of PC(H) with the initial loss over {F11Constants.Draws} Kaiming draws rescaled to one radius, per seed: {perSeed}; mean {rho:F3}");
        ClaimAssert.That("F11", rho < F11Constants.MaxCorrelation, $"mean over {runs.Count} seeds of Spearman(PC, initial loss) = {rho:F3} (per seed {perSeed}; {F11Constants.Draws} draws each) should be below {F11Constants.MaxCorrelation}");
    }

    /// <summary>F11 null model: PC and the initial loss are unrelated, i.e. their pairing over the draws of a seed is exchangeable.
    /// One fixed permutation of the test's own pairings must give a mean correlation at or above the margin.</summary>
    [Test]
    [Claim("F11")]
    [Category(Categories.NegativeControl)]
    [Category(Categories.Slow)]
    public void F11_with_the_pairing_of_PC_and_loss_permuted_the_correlation_is_not_below_the_margin()
    {
        var runs = F11Draws.Value;
        double rho = F11Null(runs, new Random(F11Constants.NullDraw));
        TestContext.Out.WriteLine($"mean Spearman(PC, permuted initial loss) over {runs.Count} seeds (draw {F11Constants.NullDraw}): {rho:F3}; unpermuted {runs.Average(r => r.Spearman):F3}");
        ClaimAssert.That("F11", rho >= F11Constants.MaxCorrelation,
            $"negative control: with the PC/loss pairings permuted (draw {F11Constants.NullDraw}) the mean Spearman = {rho:F3} is still below {F11Constants.MaxCorrelation}");
    }

    /// <summary>The F11 statistic under its null model: the mean over seeds of Spearman(PC, loss) with each seed's losses permuted by <paramref name="rng"/>.</summary>
    internal static double F11Null(IReadOnlyList<CurvatureLossResult> runs, Random rng) =>
        runs.Select(r => Statistics.Spearman(r.PositiveCurvature, NullModel.Permuted(r.InitialLoss, rng))).ToList().Average();
}
