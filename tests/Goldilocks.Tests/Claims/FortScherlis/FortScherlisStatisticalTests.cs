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

    [Test]
    [Claim("F8")]
    public void F8_PC_peaks_near_the_initialization_radius_and_vanishes_far_inside()
    {
        double[] c = { 0.05, 0.3, 1, 3, 20 };
        var pc = RadiusScan.Run(SeedOffset.Apply(0L), c).PositiveCurvature;
        TestContext.Out.WriteLine($"PC(H) at r/r_init = {string.Join(", ", c)}: {string.Join(", ", pc.Select(x => x.ToString("F4")))}");
        ClaimAssert.That("F8", pc[2] > F8Constants.MinPeakRatio * pc[1], $"PC at r_init = {pc[2]:F3} should exceed {F8Constants.MinPeakRatio}× its value at 0.3 r_init ({pc[1]:F3})");
        ClaimAssert.That("F8", pc[0] < F8Constants.MaxInsidePc, $"PC far inside (0.05 r_init) = {pc[0]:F4} should be below {F8Constants.MaxInsidePc} (≈ 0)");
        ClaimAssert.That("F8", pc[4] < pc[2], $"PC far outside (20 r_init) = {pc[4]:F3} should be below its value at r_init ({pc[2]:F3})");
    }

    [Test]
    [Claim("F9")]
    public void F9_training_on_random_hyperplanes_and_hyperspheres_works_only_where_they_meet_the_zone()
    {
        // plane[i], sphere[i]: hyperplanes, hyperspheres through c[i]·θ_init, each the mean over F9Constants.Bases surfaces.
        double[] c = { 0.1, 1, 10 };
        var acc = SurfaceAccuracy.Means(SeedOffset.Apply(0L), c, F9Constants.Bases);
        TestContext.Out.WriteLine($"mean accuracy over {F9Constants.Bases} surfaces at {string.Join(", ", c)} r_init: plane {string.Join(", ", acc.Hyperplane.Select(x => x.ToString("F3")))}; sphere {string.Join(", ", acc.Hypersphere.Select(x => x.ToString("F3")))}");
        var (plane, sphere) = (acc.Hyperplane, acc.Hypersphere);
        ClaimAssert.That("F9", plane[1] - plane[2] > F9Constants.MinPlaneOutsideDrop, $"hyperplane accuracy should drop from r_init ({plane[1]:F3}) to 10 r_init ({plane[2]:F3}) by > {F9Constants.MinPlaneOutsideDrop}");
        ClaimAssert.That("F9", plane[0] - plane[2] > F9Constants.MinPlaneInsideOverOutside, $"hyperplanes through 0.1 r_init ({plane[0]:F3}) should beat those through 10 r_init ({plane[2]:F3}) by > {F9Constants.MinPlaneInsideOverOutside}");
        ClaimAssert.That("F9", plane[1] - plane[0] < F9Constants.MaxPlaneInsideShortfall, $"hyperplanes through 0.1 r_init ({plane[0]:F3}) should do about as well as through r_init ({plane[1]:F3}): shortfall < {F9Constants.MaxPlaneInsideShortfall}");
        ClaimAssert.That("F9", sphere[1] - sphere[2] > F9Constants.MinSphereOutsideDrop, $"hypersphere accuracy should drop from r_init ({sphere[1]:F3}) to 10 r_init ({sphere[2]:F3}) by > {F9Constants.MinSphereOutsideDrop}");
        ClaimAssert.That("F9", sphere[1] - sphere[0] > F9Constants.MinSphereInsideDrop, $"hypersphere accuracy should drop from r_init ({sphere[1]:F3}) to 0.1 r_init ({sphere[0]:F3}) by > {F9Constants.MinSphereInsideDrop}");
    }

    [Test]
    [Claim("F10")]
    public void F10_training_started_well_inside_the_zone_drifts_outward()
    {
        double ratio = RadiusDrift.Run(SeedOffset.Apply(0L), F10Constants.StartRadius).Ratio;
        TestContext.Out.WriteLine($"‖θ_T‖/r_init after GD from 0.1 r_init: {ratio:F3}");
        ClaimAssert.That("F10", ratio > F10Constants.MinRatio, $"the radius should grow from 0.1 r_init to > {F10Constants.MinRatio} r_init, got {ratio:F3}");
    }

    [Test]
    [Claim("F11")]
    public void F11_higher_PC_goes_with_lower_initial_loss_on_the_initialization_shell()
    {
        double rho = CurvatureLossCorrelation.Run(SeedOffset.Apply(0L), onShell: true).Spearman;
        TestContext.Out.WriteLine($"Spearman correlation of PC(H) with the initial loss over 24 Kaiming draws rescaled to one radius: {rho:F3}");
        ClaimAssert.That("F11", rho < F11Constants.MaxCorrelation, $"Spearman(PC, initial loss) = {rho:F3} should be below {F11Constants.MaxCorrelation}");
    }
}
