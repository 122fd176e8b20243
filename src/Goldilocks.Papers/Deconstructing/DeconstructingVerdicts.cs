using static Goldilocks.Papers.Common.CheckList;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>
/// The criteria of paper 000's claims, one per claim test: each takes the result record the test computes and returns
/// the checks the test asserts (with its margins) and the numbers; the report's verdict table applies the same function
/// to its sections' records. Margins and their calibration: the specs named by <see cref="Statements"/>.
/// </summary>
public static class DeconstructingVerdicts
{
    /// <summary>Relative tolerance for finding a grid point by its α or T (grids are built with exp/log).</summary>
    private const double GridMatch = 1e-9;

    /// <summary>The verdict table's text of each claim.</summary>
    public static IReadOnlyDictionary<string, ClaimStatement> Statements { get; } = new[]
    {
        new ClaimStatement("G4", "Eq. 5: at T = α^L every curvature term scales by α⁻², so PC does not depend on α", "α⁻² (Eq. 5)", "specs/G4-scaled-decomposition.md", false),
        new ClaimStatement("G12", "Γ_p⁻² rises monotonically as the softmax entropy falls along logit paths (Fig. 4 right)", "Γ_p⁻² from 1/(K−1) (uniform) to 1 (collapse)", "specs/G12-gamma-monotone-in-entropy.md", false),
        new ClaimStatement("G13", "Eq. 7-8: the expected G-term of the random logit model; its PC grows with d and is largest at uniform p (Sec. 4.3, Fig. 4 left)", null, "specs/G13-random-logit-model.md", false),
        new ClaimStatement("G15", "The full-batch gradient norm grows linearly in ‖Q̂ − Q‖ over random class priors (Fig. 5b, Eq. 9)", "Eq. 9 slope σ_c√d", "specs/G15-gradient-linear-in-prior-mismatch.md", true),
        new ClaimStatement("G16", "Gradients on unrelated balanced datasets align when the model's prior is not uniform, not at α ≪ 1 (Fig. 5a)", "cosine > 0.7 (LeNet-5, CIFAR-10 vs noise)", "specs/G16-gradient-cosine-across-datasets.md", true),
        new ClaimStatement("G18", "Small α at T = 1: ‖G‖₂ ∝ α^(2L−2), ‖H-term‖₂ ∝ α^(L−2), the H-term dominates (Sec. 4.1)", "slopes 2L − 2 and L − 2", "specs/G18-vanishing-logit-gradients.md", false),
        new ClaimStatement("G19", "Large α at T = 1: the softmax collapses, ‖G‖₂ → 0 and PC(H) becomes small (Sec. 4.2)", null, "specs/G19-softmax-collapse.md", false),
        new ClaimStatement("G20", "The Goldilocks zone: PC(H) is high around α = 1 exactly where ‖G‖₂ ≳ ‖H-term‖₂ (Fig. 2, Eq. 6)", null, "specs/G20-goldilocks-zone.md", true),
        new ClaimStatement("G21", "T = α^L restores the unscaled PC; sweeping T at α = 1 recreates the zone (Fig. 1 middle, right)", null, "specs/G21-temperature-recreates-zone.md", false),
        new ClaimStatement("G22", "Eq. 8 with σ_c², σ_e² from the network tracks the true G-term PC across confidence (Fig. 3)", null, "specs/G22-eq8-tracks-true-gterm.md", true),
        new ClaimStatement("G23", "Over Kaiming inits PC rises with softmax entropy and falls with initial loss and gradient norm (Fig. 6)", null, "specs/G23-confidence-curvature-loss-gradient.md", false),
        new ClaimStatement("G24", "Hutchinson estimates of Tr(H), ‖H‖_F give the projected method's zone shape and edges (App. F, Fig. 13)", null, "specs/G24-hutchinson-vs-projected.md", false),
        new ClaimStatement("G25", "The USO model follows the down-scaled net while its output is uniform (App. E)", null, "specs/G25-uso-model.md", false),
        new ClaimStatement("G26", "Before collapse the least confident sample dominates G and the first-layer top eigenvector ≈ its input (App. D, Fig. 10)", "PC(G) → 1", "specs/G26-pre-collapse-least-confident-sample.md", false),
        new ClaimStatement("G27", "Outside the zone training fails; admissible rates η‖H‖₂ < 2 train (Sec. 5, Fig. 8, App. E; laptop analogue)", "η < 2/λ_max", "specs/G27-trainability-laptop-analogue.md", true),
    }.ToDictionary(s => s.Claim);

    /// <summary>The point of <paramref name="points"/> at <paramref name="x"/> (relative match <see cref="GridMatch"/>), or null.</summary>
    internal static T? At<T>(IEnumerable<T> points, Func<T, double> coordinate, double x) where T : class =>
        points.FirstOrDefault(p => Math.Abs(coordinate(p) - x) <= GridMatch * Math.Abs(x));

    private static string Grid<T>(IEnumerable<T> points, Func<T, double> x) => string.Join(", ", points.Select(p => F(x(p))));

    /// <summary>Null when the sweep has a point in α ∈ [0.1, 10] (where G20 places the peak), so that "small against the
    /// peak" has a peak to refer to; otherwise the reason.</summary>
    private static string? ZonePremise(IReadOnlyList<CurvaturePoint> sweep) => sweep.Any(p => p.Alpha >= 0.1 && p.Alpha <= 10) ? null
        : $"PC(H) is judged against its peak, and the grid ({Grid(sweep, p => p.Alpha)}) has no α in [0.1, 10] where the zone's peak lies";

    /// <summary>G18 (StatisticalZoneTests.VanishingLogitGradientsGiveTheLogLogSlopes): over the α ≤ 1e-2 points of one
    /// seed's T = 1 sweep (down to α = 1e-3) the log-log slopes of ‖G‖₂ and ‖H-term‖₂ are 2L − 2 and L − 2 within
    /// <see cref="G18Constants.SlopeTolerance"/>; at the smallest α the H-term dominates (‖G‖₂/‖H-term‖₂ &lt; 0.1) and PC(H) &lt; 35 % of the peak.</summary>
    public static ClaimEvaluation G18(IReadOnlyList<CurvaturePoint> sweep, int degree)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var small = sweep.Where(p => p.Alpha <= 1e-2 * (1 + GridMatch)).OrderBy(p => p.Alpha).ToArray();
        if (small.Length < 2 || small[0].Alpha > 1e-3 * (1 + GridMatch))
            return ClaimEvaluation.Inapplicable("G18", $"the slope window needs ≥ 2 grid points with α ≤ 1e-2 reaching down to α = 1e-3; the grid ({Grid(sweep, p => p.Alpha)}) has {small.Length} with α ≤ 1e-2");
        if (ZonePremise(sweep) is { } noPeak) return ClaimEvaluation.Inapplicable("G18", noPeak);
        var a = small.Select(p => p.Alpha).ToArray();
        double gSlope = Statistics.LogLogSlope(a, small.Select(p => p.GTerm.SpectralNorm).ToArray());
        double hSlope = Statistics.LogLogSlope(a, small.Select(p => p.HTerm.SpectralNorm).ToArray());
        double maxPC = sweep.Max(p => p.HessianPC);
        var first = small[0];
        string window = $"α ∈ [{F(a[0])}, {F(a[^1])}]";
        return new CheckList("G18")
            .Measure($"slopes over {window}: ‖G‖₂ {gSlope:F6} (2L−2 = {2 * degree - 2}), ‖H-term‖₂ {hSlope:F6} (L−2 = {degree - 2}); at α = {F(first.Alpha)}: ‖G‖₂/‖H-term‖₂ = {F(first.DominanceRatio)}, PC(H)/peak = {F(first.HessianPC / maxPC)}")
            .That(Math.Abs(gSlope - (2 * degree - 2)) <= G18Constants.SlopeTolerance, $"log-log slope of ‖G‖₂ over {window} is {gSlope:R}, expected 2L−2 = {2 * degree - 2} ± {G18Constants.SlopeTolerance}")
            .That(Math.Abs(hSlope - (degree - 2)) <= G18Constants.SlopeTolerance, $"log-log slope of ‖H-term‖₂ over {window} is {hSlope:R}, expected L−2 = {degree - 2} ± {G18Constants.SlopeTolerance}")
            .That(first.DominanceRatio < G18Constants.MaxDominanceRatio, $"at α = {F(first.Alpha)} ‖G‖₂/‖H-term‖₂ = {F(first.DominanceRatio)} should be < {G18Constants.MaxDominanceRatio} (H-term dominates)")
            .That(first.HessianPC < G18Constants.MaxPcShare * maxPC, $"PC(H) at α = {F(first.Alpha)} is {F(first.HessianPC)}, not small against the peak {F(maxPC)} (< {G18Constants.MaxPcShare:P0})")
            .Done();
    }


    /// <summary>G19 (StatisticalZoneTests.SoftmaxCollapseKillsTheGTerm): at the largest α (≥ 100) of one seed's T = 1
    /// sweep ≥ 90 % of the samples are collapsed, ‖G‖₂/‖H-term‖₂ &lt; 1e-3 and PC(H) &lt; 35 % of the sweep's peak.</summary>
    public static ClaimEvaluation G19(IReadOnlyList<CurvaturePoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var p = sweep.MaxBy(x => x.Alpha)!;
        if (p.Alpha < 100 * (1 - GridMatch)) return ClaimEvaluation.Inapplicable("G19", $"the criterion judges α = 100; the grid ends at α = {F(p.Alpha)}");
        if (ZonePremise(sweep) is { } noPeak) return ClaimEvaluation.Inapplicable("G19", noPeak);
        double maxPC = sweep.Max(x => x.HessianPC);
        return new CheckList("G19")
            .Measure($"at α = {F(p.Alpha)}: collapsed share {F(p.CollapsedFraction)}, ‖G‖₂/‖H-term‖₂ = {F(p.DominanceRatio)}, PC(H)/peak = {F(p.HessianPC / maxPC)}")
            .That(p.CollapsedFraction >= G19Constants.MinCollapsedFraction, $"at α = {F(p.Alpha)} only {F(p.CollapsedFraction)} of the samples have one-hot softmax (≥ {G19Constants.MinCollapsedFraction} expected)")
            .That(p.DominanceRatio < G19Constants.MaxDominanceRatio, $"at α = {F(p.Alpha)} ‖G‖₂/‖H-term‖₂ = {F(p.DominanceRatio)} (< {G19Constants.MaxDominanceRatio} expected)")
            .That(p.HessianPC < G19Constants.MaxPcShare * maxPC, $"PC(H) at α = {F(p.Alpha)} is {F(p.HessianPC)}, not small against the peak {F(maxPC)} (< {G19Constants.MaxPcShare:P0})")
            .Done();
    }

    /// <summary>G20 (StatisticalZoneTests.ZoneIsHighAroundOneAndWhereTheGTermDominates): on one seed's T = 1 sweep PC(H)
    /// peaks in α ∈ [0.1, 10] and is ≥ 60 % of the peak at α = 1; the zone Z = {α: PC(H) ≥ half its peak} is one run of
    /// consecutive grid points; Eq. 6 read in the direction that holds: the G-term dominates (‖G‖₂ ≥ ‖H-term‖₂) on all of Z
    /// but at most one point, and Z starts within 0.3 decades of where the G-term starts dominating. Where the G-term stops
    /// dominating is measured, not judged: it lies up to a decade above the zone's upper edge (specs/G20, Findings).</summary>
    public static ClaimEvaluation G20(IReadOnlyList<CurvaturePoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var grid = sweep.OrderBy(p => p.Alpha).ToArray();
        var one = At(grid, p => p.Alpha, 1.0);
        if (one is null) return ClaimEvaluation.Inapplicable("G20", $"the criterion needs α = 1 in the grid ({Grid(sweep, p => p.Alpha)})");
        double maxPC = grid.Max(p => p.HessianPC);
        double argmax = grid.MaxBy(p => p.HessianPC)!.Alpha;
        if (maxPC <= 0)
            return new CheckList("G20").Measure($"PC(H) peaks at α = {F(argmax)} ({F(maxPC)})")
                .That(false, $"PC(H) is not positive at any α ({Grid(sweep, p => p.HessianPC)}): there is no zone").Done();
        var zone = Enumerable.Range(0, grid.Length).Where(i => grid[i].HessianPC >= G20Constants.HalfPeak * maxPC).ToArray();
        bool contiguous = zone[^1] - zone[0] + 1 == zone.Length;
        var dominant = grid.Where(p => p.DominanceRatio >= 1).ToArray();
        var notDominant = zone.Where(i => grid[i].DominanceRatio < 1).Select(i => F(grid[i].Alpha)).ToArray();
        double zoneLow = grid[zone[0]].Alpha, zoneHigh = grid[zone[^1]].Alpha;
        double lowerGap = dominant.Length == 0 ? double.PositiveInfinity : Math.Abs(Math.Log10(zoneLow / dominant[0].Alpha));
        string gEdges = dominant.Length == 0 ? "nowhere" : $"α ∈ [{F(dominant[0].Alpha)}, {F(dominant[^1].Alpha)}]";
        return new CheckList("G20")
            .Measure($"PC(H) peaks at α = {F(argmax)} ({F(maxPC)}); PC(H) at α = 1 / peak = {F(one.HessianPC / maxPC)}; zone (PC ≥ half the peak) " +
                     $"α ∈ [{F(zoneLow)}, {F(zoneHigh)}] ({zone.Length} points{(contiguous ? "" : ", not contiguous")}); ‖G‖₂ ≥ ‖H-term‖₂ on {gEdges}; " +
                     $"lower edges {F(lowerGap)} decades apart" + (dominant.Length == 0 ? "" : $", upper edges {F(Math.Log10(dominant[^1].Alpha / zoneHigh))} decades apart"))
            .That(argmax >= G20Constants.MinPeakAlpha && argmax <= G20Constants.MaxPeakAlpha, $"PC(H) peaks at α = {F(argmax)}, outside [{G20Constants.MinPeakAlpha}, {G20Constants.MaxPeakAlpha}]")
            .That(one.HessianPC >= G20Constants.MinShareAtOne * maxPC, $"PC(H) at α = 1 is {F(one.HessianPC)}, below {G20Constants.MinShareAtOne:P0} of the peak {F(maxPC)}")
            .That(contiguous, $"the zone (PC(H) ≥ {G20Constants.HalfPeak:P0} of the peak) is not one band: α = {string.Join(", ", zone.Select(i => F(grid[i].Alpha)))}")
            .That(notDominant.Length <= G20Constants.MaxZonePointsWithoutDominance, $"Eq. 6: inside the zone ‖G‖₂ < ‖H-term‖₂ at α = {string.Join(", ", notDominant)} (at most {G20Constants.MaxZonePointsWithoutDominance} allowed)")
            .That(lowerGap <= G20Constants.MaxLowerEdgeGapDecades, $"Eq. 6: the zone starts at α = {F(zoneLow)} but the G-term dominates from {gEdges}: {F(lowerGap)} decades apart (at most {G20Constants.MaxLowerEdgeGapDecades})")
            .Done();
    }

    /// <summary>G21, first part (StatisticalZoneTests.TemperatureAlphaToLRestoresTheUnscaledCurvature): at T = α^L,
    /// PC(H) equals PC(H) at α = 1, T = 1 (<paramref name="unscaled"/>) within <see cref="G21Constants.Rtol"/> at every α.</summary>
    public static ClaimEvaluation G21AlphaToL(IReadOnlyList<CurvaturePoint> scaled, CurvaturePoint unscaled)
    {
        ArgumentNullException.ThrowIfNull(scaled);
        ArgumentNullException.ThrowIfNull(unscaled);
        var checks = new CheckList("G21");
        double worst = scaled.Max(p => RelativeError(p.HessianPC, unscaled.HessianPC));
        checks.Measure($"T = α^L over α ∈ [{F(scaled.Min(p => p.Alpha))}, {F(scaled.Max(p => p.Alpha))}]: PC(H) vs α = 1 largest relative error {worst:E2}");
        foreach (var p in scaled) checks.Close($"PC(H) at α = {F(p.Alpha)}, T = α^L vs α = 1, T = 1", p.HessianPC, unscaled.HessianPC, G21Constants.Rtol);
        return checks.Done();
    }


    /// <summary>G21, second part (StatisticalZoneTests.TemperatureAloneRecreatesTheZone): over the T sweep at α = 1,
    /// PC(H) at T = 1 is ≥ 60 % of the sweep's peak and &lt; 35 % of it at the coldest and hottest T; each X2 pair (the
    /// T = α^(−L) point and the T = 1 point at α) has the same PC(H) within <see cref="G21Constants.Rtol"/>.</summary>
    public static ClaimEvaluation G21Temperature(IReadOnlyList<CurvaturePoint> temperatureSweep, IReadOnlyList<(CurvaturePoint AtTemperature, CurvaturePoint AtAlpha)> x2Pairs)
    {
        ArgumentNullException.ThrowIfNull(temperatureSweep);
        ArgumentNullException.ThrowIfNull(x2Pairs);
        var unit = At(temperatureSweep, p => p.Temperature, 1.0);
        if (unit is null) return ClaimEvaluation.Inapplicable("G21", $"the T sweep needs T = 1 ({Grid(temperatureSweep, p => p.Temperature)})");
        double peak = temperatureSweep.Max(p => p.HessianPC);
        var cold = temperatureSweep.MinBy(p => p.Temperature)!;
        var hot = temperatureSweep.MaxBy(p => p.Temperature)!;
        var checks = new CheckList("G21")
            .Measure($"T sweep at α = 1: PC(H)/peak {F(unit.HessianPC / peak)} at T = 1, {F(cold.HessianPC / peak)} at T = {F(cold.Temperature)}, {F(hot.HessianPC / peak)} at T = {F(hot.Temperature)}")
            .Measure(x2Pairs.Count == 0 ? "X2 cross-check: no T = 1 α sweep given" : $"X2 cross-check on {x2Pairs.Count} α point(s), largest relative error {x2Pairs.Max(p => RelativeError(p.AtTemperature.HessianPC, p.AtAlpha.HessianPC)):E2}")
            .That(unit.HessianPC >= G21Constants.MinShareAtOne * peak, $"PC(H) at T = 1 ({F(unit.HessianPC)}) should be ≥ {G21Constants.MinShareAtOne:P0} of the peak of the T sweep ({F(peak)})")
            .That(cold.HessianPC < G21Constants.MaxEdgeShare * peak && hot.HessianPC < G21Constants.MaxEdgeShare * peak,
                $"PC(H) at T = {F(hot.Temperature)} ({F(hot.HessianPC)}) and T = {F(cold.Temperature)} ({F(cold.HessianPC)}) should be < {G21Constants.MaxEdgeShare:P0} of the peak {F(peak)}");
        // X2: T = α^{-L} at α = 1 is the α point at T = 1 with H scaled by α², so PC must coincide with the α sweep.
        foreach (var (t, a) in x2Pairs) checks.Close($"PC(H) at T = α^(-L), α = {F(a.Alpha)} vs the α sweep", t.HessianPC, a.HessianPC, G21Constants.Rtol);
        return checks.Done();
    }

    /// <summary>G4 on a T = α^L grid (CurvatureCommandTests.With_T_equal_alpha_to_the_L_the_positive_curvature_does_not_depend_on_alpha):
    /// for H, G-term and H-term, PC equals its value at α = 1 and ‖·‖₂ equals α⁻² times it, both within <see cref="G4Constants.Rtol"/>.</summary>
    public static ClaimEvaluation G4(IReadOnlyList<CurvaturePoint> alphaToL)
    {
        ArgumentNullException.ThrowIfNull(alphaToL);
        var one = At(alphaToL, p => p.Alpha, 1.0);
        if (one is null) return ClaimEvaluation.Inapplicable("G4", $"the criterion needs α = 1 in the T = α^L grid ({Grid(alphaToL, p => p.Alpha)})");
        var checks = new CheckList("G4");
        double worstPC = 0, worstNorm = 0;
        foreach (var (op, reference) in one.Operators())
        {
            double pc1 = reference.PositiveCurvature ?? double.NaN, norm1 = reference.SpectralNorm;
            foreach (var p in alphaToL)
            {
                var s = p.Operators().Single(o => o.Name == op).Summary;
                double pc = s.PositiveCurvature ?? double.NaN, expectedNorm = norm1 / (p.Alpha * p.Alpha);
                worstPC = Math.Max(worstPC, RelativeError(pc, pc1));
                worstNorm = Math.Max(worstNorm, RelativeError(s.SpectralNorm, expectedNorm));
                checks.Close($"PC({op}) at α = {F(p.Alpha)}, T = α^L", pc, pc1, G4Constants.Rtol);
                checks.Close($"‖{op}‖₂ at α = {F(p.Alpha)} vs α⁻²‖{op}‖₂(α = 1)", s.SpectralNorm, expectedNorm, G4Constants.Rtol);
            }
        }
        return checks.Measure($"over α ∈ [{F(alphaToL.Min(p => p.Alpha))}, {F(alphaToL.Max(p => p.Alpha))}] at T = α^L: largest relative error of PC {worstPC:E2}, of α²‖·‖₂ {worstNorm:E2}").Done();
    }




    /// <summary>G12's per-path part: Spearman(entropy, Γ⁻²) ≤ <see cref="G12Constants.MaxRankCorrelation"/> and dips ≤
    /// <see cref="G12Constants.MaxViolation"/> of the range (the two path checks of <see cref="G12"/>; the null model counts
    /// the permuted paths that pass it).</summary>
    public static bool G12PathIsMonotone(GammaPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EntropyRankCorrelation <= G12Constants.MaxRankCorrelation && path.MonotonicityViolation <= G12Constants.MaxViolation;
    }

    /// <summary>G12 (StatisticalSoftmaxTests.InverseGammaSquaredIsMonotoneInEntropy): along every path Spearman(entropy,
    /// Γ⁻²) ≤ −0.98, dips ≤ 1e-12 of the range, Γ⁻² ≈ 1/(K−1) (5 %) at the hottest point and ≤ 1 at the coldest; the
    /// average-matrix path is monotone (≤ 1e-9).</summary>
    public static ClaimEvaluation G12(GammaCurvesResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var checks = new CheckList("G12");
        foreach (var p in r.Paths)
        {
            checks.That(p.EntropyRankCorrelation <= G12Constants.MaxRankCorrelation,
                $"Spearman(entropy, Γ⁻²) = {F(p.EntropyRankCorrelation)} > {G12Constants.MaxRankCorrelation} along the path with top-gap ratio {F(p.TopGapRatio)}");
            checks.That(p.MonotonicityViolation <= G12Constants.MaxViolation,
                $"Γ⁻² falls by {F(p.MonotonicityViolation)} of its range along the path with top-gap ratio {F(p.TopGapRatio)} (> {G12Constants.MaxViolation})");
            checks.Close("Γ⁻² at the hottest point (≈ uniform p) vs 1/(K−1)", p.Points[0].InverseGammaSquared, 1.0 / (r.Classes - 1), G12Constants.HotPointRtol);
            checks.That(p.Points[^1].InverseGammaSquared <= 1 + G12Constants.ColdSlack, $"Γ⁻² = {F(p.Points[^1].InverseGammaSquared)} > 1 + {G12Constants.ColdSlack} at the coldest point");
        }
        var avg = new GammaPath(Array.Empty<double>(), 0, r.AveragePath);
        checks.That(avg.MonotonicityViolation <= G12Constants.MaxAverageViolation, $"the average-matrix path (red curve) is not monotone: violation {F(avg.MonotonicityViolation)} > {G12Constants.MaxAverageViolation}");
        return checks.Measure($"{r.Paths.Count} paths, K = {r.Classes}: largest Spearman(entropy, Γ⁻²) {F(r.Paths.Max(p => p.EntropyRankCorrelation))}, largest dip {F(r.Paths.Max(p => p.MonotonicityViolation))}; average path dip {F(avg.MonotonicityViolation)}").Done();
    }

    /// <summary>G22 (StatisticalSoftmaxTests.Eq8TracksTheTrueGTermAcrossConfidence): ≥ <see cref="G22Constants.MinDefinedLevels"/>
    /// confidence levels have both PCs, Spearman(true PC, Eq. 8) ≥ <see cref="G22Constants.MinSpearman"/>, and at the hottest
    /// level Eq. 8 / true PC lies in [<see cref="G22Constants.MinHotRatio"/>, <see cref="G22Constants.MaxHotRatio"/>].</summary>
    public static ClaimEvaluation G22(Eq8Result r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Points.Count < G22Constants.MinDefinedLevels)
            return ClaimEvaluation.Inapplicable("G22", $"the criterion needs ≥ {G22Constants.MinDefinedLevels} confidence levels with a defined G-term PC; the grid has {r.Points.Count} level(s)");
        var ok = r.Points.Where(p => p.TrueGTermPC is not null && p.PredictedPC is not null).ToArray();
        double rho = ok.Length >= 2 ? Statistics.Spearman(ok.Select(p => p.TrueGTermPC!.Value).ToArray(), ok.Select(p => p.PredictedPC!.Value).ToArray()) : double.NaN;
        double hot = ok.Length > 0 ? ok[0].PredictedPC!.Value / ok[0].TrueGTermPC!.Value : double.NaN;
        string hotAlpha = ok.Length > 0 ? F(ok[0].Alpha) : "—";
        return new CheckList("G22")
            .Measure($"{ok.Length} of {r.Points.Count} levels defined; Spearman(true PC, Eq. 8) = {F(rho)}; Eq. 8 / true PC at α = {hotAlpha}: {F(hot)}")
            .That(ok.Length >= G22Constants.MinDefinedLevels, $"only {ok.Length} of {r.Points.Count} confidence levels have a defined G-term PC")
            .That(rho >= G22Constants.MinSpearman, $"Spearman(true PC, Eq. 8) = {F(rho)} < {G22Constants.MinSpearman}: Eq. 8 does not follow the trend over confidence")
            .That(hot >= G22Constants.MinHotRatio && hot <= G22Constants.MaxHotRatio, $"at α = {hotAlpha} (near-uniform p) Eq. 8 / true PC = {F(hot)}, outside the calibrated [{G22Constants.MinHotRatio}, {G22Constants.MaxHotRatio}] (spec G22: Eq. 8 overestimates at this scale)")
            .Done();
    }


    /// <summary>G15 (StatisticalGradientTests.GradientNormIsLinearInThePriorMismatch): over at least
    /// <see cref="G15Constants.Priors"/> priors, Pearson r between ‖∇L‖ and ‖Q̂ − Q‖ ≥ <see cref="G15Constants.MinPearson"/>
    /// and a positive fitted slope.</summary>
    public static ClaimEvaluation G15(PriorGradientResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Points.Count < G15Constants.Priors)
            return ClaimEvaluation.Inapplicable("G15", $"the Pearson margin {G15Constants.MinPearson} is calibrated against the permutation null at {G15Constants.Priors} priors; the run has {r.Points.Count} (Pearson r = {F(r.Fit.R)})");
        return new CheckList("G15")
            .Measure($"{r.Points.Count} priors: Pearson r = {F(r.Fit.R)}, slope {F(r.Fit.Slope)} (Eq. 9: {F(r.PredictedSlope)})")
            .That(r.Fit.R >= G15Constants.MinPearson, $"Pearson r between ‖∇L‖ and ‖Q̂ − Q‖ over {r.Points.Count} priors is {F(r.Fit.R)} < {G15Constants.MinPearson} (spec G15)")
            .That(r.Fit.Slope > 0, $"the gradient norm does not grow with ‖Q̂ − Q‖: slope {F(r.Fit.Slope)}")
            .Done();
    }

    /// <summary>G16 (StatisticalGradientTests.UnrelatedBalancedDatasetsShareTheGradientOnlyWhenTheModelIsBiased): at
    /// α = 1 the last-layer cosine of the data and noise gradients is ≥ 0.2, at α = 0.01 |cos| ≤ 0.35, the gap ≥ 0.1,
    /// and the full-gradient cosine at α = 1 exceeds |cos| at α = 0.01.</summary>
    public static ClaimEvaluation G16(IReadOnlyList<GradientCosinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var one = At(points, p => p.Alpha, 1.0);
        var small = At(points, p => p.Alpha, 0.01);
        if (one is null || small is null) return ClaimEvaluation.Inapplicable("G16", $"the criterion needs α = 1 and α = 0.01 ({Grid(points, p => p.Alpha)})");
        return G16(one, small);
    }

    /// <summary>G16 on one pair: <paramref name="biased"/> (the α = 1 measurement, model prior not uniform) against
    /// <paramref name="control"/> (the α = 0.01 measurement, uniform output); the null model feeds two uniform-output
    /// measurements.</summary>
    public static ClaimEvaluation G16(GradientCosinePoint biased, GradientCosinePoint control)
    {
        ArgumentNullException.ThrowIfNull(biased);
        ArgumentNullException.ThrowIfNull(control);
        var (one, small) = (biased, control);
        double gap = one.LastLayerCosine - Math.Abs(small.LastLayerCosine);
        return new CheckList("G16")
            .Measure($"last-layer cosine {F(one.LastLayerCosine)} at α = {F(one.Alpha)}, {F(small.LastLayerCosine)} at α = {F(small.Alpha)} (control); full cosine {F(one.Cosine)}, {F(small.Cosine)}")
            .That(one.LastLayerCosine >= G16Constants.MinLastLayerCosine, $"last-layer gradient cosine of the data vs Gaussian noise at α = {F(one.Alpha)} is {F(one.LastLayerCosine)} < {G16Constants.MinLastLayerCosine}")
            .That(Math.Abs(small.LastLayerCosine) <= G16Constants.MaxUniformCosine, $"|last-layer cosine| of the control (α = {F(small.Alpha)}, uniform output) is {F(Math.Abs(small.LastLayerCosine))} > {G16Constants.MaxUniformCosine}")
            .That(gap >= G16Constants.MinGap, $"last-layer cosine ({F(one.LastLayerCosine)}) exceeds the uniform-output control |cos| ({F(Math.Abs(small.LastLayerCosine))}) by {F(gap)} < {G16Constants.MinGap}")
            .That(one.Cosine > Math.Abs(small.Cosine), $"full-gradient cosine ({F(one.Cosine)}) is not above the control's |cosine| ({F(Math.Abs(small.Cosine))})")
            .Done();
    }

    /// <summary>G23 (StatisticalGradientTests.PositiveCurvatureGoesWithLowConfidenceLowLossAndSmallGradients): over at
    /// least <see cref="G23Constants.Inits"/> initializations, the Spearman correlations of PC with entropy, loss and
    /// ‖∇L‖ and of entropy with loss beyond the margins of <see cref="G23Constants"/>.</summary>
    public static ClaimEvaluation G23(ConfidenceResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Points.Count < G23Constants.Inits)
            return ClaimEvaluation.Inapplicable("G23", $"the margins ±{G23Constants.MinPcVsEntropy} are calibrated against the permutation null at {G23Constants.Inits} initializations; the run has {r.Points.Count}");
        return new CheckList("G23")
            .Measure($"{r.Points.Count} inits, Spearman: PC~entropy {F(r.PcVsEntropy)}, PC~loss {F(r.PcVsLoss)}, PC~‖∇L‖ {F(r.PcVsGradientNorm)}, entropy~loss {F(r.EntropyVsLoss)}")
            .That(r.PcVsEntropy >= G23Constants.MinPcVsEntropy, $"Spearman(PC, mean entropy) = {F(r.PcVsEntropy)} < {G23Constants.MinPcVsEntropy}")
            .That(r.PcVsLoss <= G23Constants.MaxPcVsLoss, $"Spearman(PC, initial loss) = {F(r.PcVsLoss)} > {G23Constants.MaxPcVsLoss}")
            .That(r.PcVsGradientNorm <= G23Constants.MaxPcVsGradientNorm, $"Spearman(PC, gradient norm) = {F(r.PcVsGradientNorm)} > {G23Constants.MaxPcVsGradientNorm}")
            .That(r.EntropyVsLoss <= G23Constants.MaxEntropyVsLoss, $"Spearman(mean entropy, initial loss) = {F(r.EntropyVsLoss)} > {G23Constants.MaxEntropyVsLoss}")
            .Done();
    }

    /// <summary>G27, trainability part (StatisticalTrainabilityTests.AdmissibleRatesTrainAndInadmissibleOnesDoNot): at α = 1
    /// some admissible rate (η‖H‖₂ &lt; 2) reaches accuracy ≥ 0.8; the grid has cells with η‖H‖₂ &gt; 20 at α ≤ 1 and each
    /// of them diverged or stayed ≤ 0.5. The accuracy margin is calibrated at <see cref="G27Constants.Steps"/> GD steps;
    /// a grid whose admissible cells at α = 1 ran fewer steps cannot be judged.</summary>
    /// <param name="cells">The α × η₀ cells.</param>
    /// <param name="plannedSteps">The steps every cell was given (diverged cells stop earlier).</param>
    public static ClaimEvaluation G27Training(IReadOnlyList<TrainabilityCell> cells, int plannedSteps)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var atOne = cells.Where(c => Math.Abs(c.Alpha - 1) <= GridMatch).ToArray();
        if (atOne.Length == 0) return ClaimEvaluation.Inapplicable("G27", $"the criterion needs α = 1 in the grid ({string.Join(", ", cells.Select(c => F(c.Alpha)).Distinct())})");
        if (plannedSteps < G27Constants.Steps)
            return ClaimEvaluation.Inapplicable("G27", $"the accuracy margin 0.8 is calibrated at {G27Constants.Steps} GD steps; this grid ran {plannedSteps}",
                $"best accuracy at α = 1 with an admissible rate (η‖H‖₂ < 2) after {plannedSteps} steps: {F(atOne.Where(c => c.SharpnessProduct < G27Constants.MaxAdmissibleSharpness).Select(c => c.BestAccuracy).DefaultIfEmpty(double.NaN).Max())}");
        var admissible = atOne.Where(c => c.SharpnessProduct < G27Constants.MaxAdmissibleSharpness).ToArray();
        double bestAdmissible = admissible.Length > 0 ? admissible.Max(c => c.BestAccuracy) : double.NaN;
        var wild = cells.Where(c => c.Alpha <= 1 + GridMatch && c.SharpnessProduct > G27Constants.MinInadmissibleSharpness).ToArray();
        var checks = new CheckList("G27")
            .Measure($"best admissible accuracy at α = 1: {F(bestAdmissible)}; {wild.Length} cell(s) with η‖H‖₂ > 20 at α ≤ 1, best accuracy among them {(wild.Length > 0 ? F(wild.Max(c => c.BestAccuracy)) : "—")}")
            .That(admissible.Length > 0, $"no admissible (η‖H‖₂ < 2) rate at α = 1 in the grid: η‖H‖₂ at α = 1 is {string.Join(", ", atOne.Select(c => F(c.SharpnessProduct)))}")
            .That(bestAdmissible >= G27Constants.MinAdmissibleAccuracy, $"best accuracy at α = 1 with an admissible rate is {F(bestAdmissible)} < {G27Constants.MinAdmissibleAccuracy}")
            .That(wild.Length > 0, $"the grid has no clearly inadmissible cell (η‖H‖₂ > 20) at α ≤ 1: largest η‖H‖₂ {F(cells.Where(c => c.Alpha <= 1 + GridMatch).Max(c => c.SharpnessProduct))}");
        foreach (var c in wild)
            checks.That(c.Diverged || c.BestAccuracy <= G27Constants.MaxInadmissibleAccuracy, $"α {F(c.Alpha)}, η₀ {F(c.BaseRate)} with η‖H‖₂ = {F(c.SharpnessProduct)} reached accuracy {F(c.BestAccuracy)} > {G27Constants.MaxInadmissibleAccuracy} (admissible runs: {F(bestAdmissible)})");
        return checks.Done();
    }


    /// <summary>G27, USO part (StatisticalTrainabilityTests.UniformSoftmaxOutputModelDivergesAlongItsOwnWeights): along the
    /// USO run ‖θ‖ and ‖g‖ grow at every record, cos(θ, −g) increases from the first to the last record and the
    /// parameters rotate away from θ₀ (cos &lt; 0.99).</summary>
    public static ClaimEvaluation G27Uso(IReadOnlyList<UsoRecord>? uso)
    {
        if (uso is null || uso.Count < 2) return ClaimEvaluation.Inapplicable("G27", "the USO model was not run (at least 2 records needed)");
        var checks = new CheckList("G27")
            .Measure($"USO over {uso[^1].Step} steps: ‖θ‖ {F(uso[0].ParameterNorm)} → {F(uso[^1].ParameterNorm)}, cos(θ, −g) {F(uso[0].CosineToNegativeGradient)} → {F(uso[^1].CosineToNegativeGradient)}, cos(θ, θ₀) {F(uso[^1].CosineToInitial)}");
        for (int i = 1; i < uso.Count; i++)
        {
            checks.That(uso[i].ParameterNorm > uso[i - 1].ParameterNorm, $"USO ‖θ‖ did not grow between steps {uso[i - 1].Step} and {uso[i].Step}");
            checks.That(uso[i].GradientNorm > uso[i - 1].GradientNorm, $"USO ‖g‖ did not grow between steps {uso[i - 1].Step} and {uso[i].Step}");
        }
        return checks
            .That(uso[^1].CosineToNegativeGradient > uso[0].CosineToNegativeGradient, $"USO: cos(θ, −g) should increase (alignment of the divergence): {F(uso[0].CosineToNegativeGradient)} at step {uso[0].Step}, {F(uso[^1].CosineToNegativeGradient)} at step {uso[^1].Step}")
            .That(uso[^1].CosineToInitial < G27Constants.UsoMaxFinalCosine, $"USO: the parameter vector did not rotate away from θ₀ (cos = {F(uso[^1].CosineToInitial)})")
            .Done();
    }



    /// <summary>G24 (StatisticalAppendixTests.HutchinsonAgreesWithTheProjectedHessianOnTheZone): over α the projected and
    /// Hutchinson PC curves have Pearson ≥ <see cref="G24Constants.MinPearson"/>, peak at the same grid point, and their
    /// ≥ 50 %-of-peak edges differ by at most <see cref="G24Constants.MaxEdgeShiftDecades"/> decades of α.</summary>
    public static ClaimEvaluation G24(IReadOnlyList<HutchinsonPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return G24(points.Select(p => p.Alpha).ToArray(), points.Select(p => p.ProjectedPC).ToArray(), points.Select(p => p.HutchinsonPC ?? 0).ToArray());
    }

    /// <summary>G24 on the two PC curves over the log-spaced grid <paramref name="alphas"/> (the null model feeds a
    /// permuted Hutchinson curve); zone edges are compared in decades of α, so the margin means the same on any grid.</summary>
    public static ClaimEvaluation G24(IReadOnlyList<double> alphas, IReadOnlyList<double> projected, IReadOnlyList<double> hutchinson)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        ArgumentNullException.ThrowIfNull(projected);
        ArgumentNullException.ThrowIfNull(hutchinson);
        if (alphas.Count < G24Constants.MinPoints)
            return ClaimEvaluation.Inapplicable("G24", $"the curves' Pearson correlation and edges need ≥ {G24Constants.MinPoints} α points; the grid has {alphas.Count}");
        var proj = projected.ToArray();
        var hut = hutchinson.ToArray();
        double pearson = Statistics.Pearson(proj, hut);
        int pPeak = Array.IndexOf(proj, proj.Max()), hPeak = Array.IndexOf(hut, hut.Max());
        var (p0, p1) = HutchinsonComparison.Edges(proj, G24Constants.EdgeShare);
        var (h0, h1) = HutchinsonComparison.Edges(hut, G24Constants.EdgeShare);
        double Decades(int a, int b) => Math.Abs(Math.Log10(alphas[a]) - Math.Log10(alphas[b]));
        double shift = Math.Max(Decades(p0, h0), Decades(p1, h1));
        return new CheckList("G24")
            .Measure($"Pearson(projected, Hutchinson PC) = {F(pearson)}; peaks at α = {F(alphas[pPeak])} and {F(alphas[hPeak])}; zone edges α ∈ [{F(alphas[p0])}, {F(alphas[p1])}] and [{F(alphas[h0])}, {F(alphas[h1])}]")
            .That(pearson >= G24Constants.MinPearson, $"Pearson correlation of the projected and Hutchinson PC curves is {F(pearson)} < {G24Constants.MinPearson}")
            .That(pPeak == hPeak, $"the two curves peak at different grid points: projected at α = {F(alphas[pPeak])} ({F(proj.Max())}), Hutchinson at α = {F(alphas[hPeak])} ({F(hut.Max())})")
            .That(shift <= G24Constants.MaxEdgeShiftDecades + 1e-9, $"zone edges (≥ {G24Constants.EdgeShare:P0} of peak) differ by {F(shift)} decades of α (> {G24Constants.MaxEdgeShiftDecades}): projected [{F(alphas[p0])}, {F(alphas[p1])}], Hutchinson [{F(alphas[h0])}, {F(alphas[h1])}]")
            .Done();
    }

    /// <summary>G26 (StatisticalAppendixTests.LeastConfidentSampleDominatesBeforeCollapse): some α has
    /// PC(G) in the pre-collapse window (<see cref="PreCollapse.InWindow"/>); at the first such α the least confident
    /// sample's G-term is within 10 % of G (Frobenius) and its input aligns with the first-layer top eigenvector
    /// (|cos| ≥ 0.9); PC(G) at the first α is &gt; 1.5.</summary>
    public static ClaimEvaluation G26(IReadOnlyList<PreCollapsePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var window = points.Where(PreCollapse.InWindow).ToArray();
        var checks = new CheckList("G26");
        checks.That(window.Length > 0, $"no α in [{F(points.Min(p => p.Alpha))}, {F(points.Max(p => p.Alpha))}] with {PreCollapse.RoundOffPC} ≤ PC(G) ≤ {PreCollapse.WindowPC} (pre-collapse regime not reached, nor found by bisection)");
        if (window.Length > 0)
        {
            var w = window[0];
            checks.Measure($"at α = {F(w.Alpha)}: PC(G) {F(w.GTermPC)}, ‖G − G^μ₀/N‖_F/‖G‖_F = {F(w.DominanceError)}, |cos(x_μ₀, v₁)| = {F(w.InputAlignment)}")
                .That(w.DominanceError <= G26Constants.MaxDominanceError, $"at α = {F(w.Alpha)} ‖G − G^μ₀/N‖_F/‖G‖_F = {F(w.DominanceError)} > {G26Constants.MaxDominanceError}")
                .That(w.InputAlignment >= G26Constants.MinInputAlignment, $"at α = {F(w.Alpha)} |cos(x_μ₀, top first-layer eigenvector averaged over hidden units)| = {F(w.InputAlignment)} < {G26Constants.MinInputAlignment}");
        }
        else checks.Measure("no α in the pre-collapse window");
        return checks.Measure($"PC(G) at α = {F(points[0].Alpha)}: {F(points[0].GTermPC)}")
            .That(points[0].GTermPC > G26Constants.MinInitialPc, $"at α = {F(points[0].Alpha)} PC(G) = {F(points[0].GTermPC)}: no excess to lose")
            .Done();
    }
}
