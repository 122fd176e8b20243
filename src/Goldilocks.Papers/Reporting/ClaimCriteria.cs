using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using static Goldilocks.Papers.Common.CheckList;

namespace Goldilocks.Papers.Reporting;

/// <summary>
/// The report's verdict registry: per claim ID, how to read the claim's result record from a command's JSON document
/// (its <c>results</c>, through <see cref="ResultJson"/>, and <c>settings</c>) and which criterion of the papers' layer
/// judges it — the same function the claim's test calls. A report section names its claims; <see cref="Verdict"/> gives
/// each row. Claims whose section does not compute what their criterion needs give not-run with the reason.
/// </summary>
public static class ClaimCriteria
{
    private static readonly IReadOnlyDictionary<string, Func<JsonObject, ClaimEvaluation>> Registry = new Dictionary<string, Func<JsonObject, ClaimEvaluation>>
    {
        ["G18"] = doc => PerSeed("G18", Zone(doc), s => DeconstructingVerdicts.G18(s, Degree(doc))),
        ["G19"] = doc => PerSeed("G19", Zone(doc), DeconstructingVerdicts.G19),
        ["G20"] = doc => PerSeed("G20", Zone(doc), DeconstructingVerdicts.G20),
        ["G21"] = doc =>
        {
            var r = Results(doc, ResultJson.Default.TemperatureSweepGrids);
            var unscaled = DeconstructingVerdicts.At(r.Alpha, p => p.Alpha, 1.0);
            var alphaPart = unscaled is null
                ? ClaimEvaluation.Inapplicable("G21", "the T = α^L grid has no α = 1 (T = 1) point to compare with")
                : DeconstructingVerdicts.G21AlphaToL(r.Alpha, unscaled);
            // The X2 cross-check needs the T = 1 α sweep, which this section (T = α^L over α, T over [T_min, T_max] at α = 1) does not compute.
            return alphaPart.And(DeconstructingVerdicts.G21Temperature(r.Temperature, Array.Empty<(CurvaturePoint, CurvaturePoint)>()));
        },
        ["G4"] = doc => DeconstructingVerdicts.G4(Results(doc, ResultJson.Default.TemperatureSweepGrids).Alpha),
        ["G12"] = doc => DeconstructingVerdicts.G12(Results(doc, ResultJson.Default.GammaResults).Curves),
        ["G22"] = doc => DeconstructingVerdicts.G22(Results(doc, ResultJson.Default.GammaResults).Eq8),
        ["G15"] = doc => DeconstructingVerdicts.G15(Results(doc, ResultJson.Default.PriorGradientResults).Prior),
        ["G16"] = doc => DeconstructingVerdicts.G16(Results(doc, ResultJson.Default.PriorGradientResults).Cosine),
        ["G23"] = doc => DeconstructingVerdicts.G23(Results(doc, ResultJson.Default.ConfidenceResult)),
        ["G27"] = doc =>
        {
            var r = Results(doc, ResultJson.Default.TrainabilityResults);
            return DeconstructingVerdicts.G27Training(r.Cells, Setting<int>(doc, "steps")).And(DeconstructingVerdicts.G27Uso(r.Uso));
        },
        ["G25"] = _ => ClaimEvaluation.Inapplicable("G25",
            "G25's criterion is the trajectory identity between the USO model and the down-scaled net (TrajectoryTests); the trainability section runs the USO model alone (G27's App. E part)"),
        // The section's DLN (z = Θ⁴/4 + Θ²/2) is outside W4's premise z = Θ^q: the criterion says so (not-run).
        ["W4"] = doc => WangRobertsVerdicts.W4(DlnStart(doc), Results(doc, ResultJson.Default.InstabilityResults).Dln
            .Where(run => run.TopEigenvectorAngleDegrees.Length >= 2)
            .Select(run => (run.LearningRate, Alignment(run.TopEigenvectorAngleDegrees[0]), Alignment(run.TopEigenvectorAngleDegrees[1]))).ToArray()),
        ["W9"] = doc =>
        {
            var runs = Results(doc, ResultJson.Default.InstabilityResults).Mlp.Where(run => run.LearningRate == EdgeOfStabilityRuns.Eta).ToArray();
            var tracked = runs.Where(run => run.InitialRatio is not null).Select(Summary).ToArray();
            var increases = runs.Select(run => run.Loss.Zip(run.Loss.Skip(1)).Count(p => p.Second > p.First)).ToArray();
            return WangRobertsVerdicts.W9(tracked, tracked.Where(s => s.InitialRatio < 1).ToArray(), window: runs.Length, increases);
        },
        ["W11"] = doc =>
        {
            var overlaps = Results(doc, ResultJson.Default.InstabilityResults).Mlp.Where(run => run.LearningRate == EdgeOfStabilityRuns.Eta)
                .SelectMany(run => run.EigenvectorOverlap.Where(double.IsFinite)).ToArray();
            return ClaimEvaluation.Inapplicable("W11", "no claim test judges the rotation: the spec's analogue did not reproduce the paper (analogue only), so there is no calibrated criterion",
                overlaps.Length > 0 ? $"smallest |cos| between consecutive recorded top eigenvectors at η = {F(EdgeOfStabilityRuns.Eta)}: {F(overlaps.Min())}" : "—");
        },
        // Fig. 13 and Fig. 10 sections (hutchinson, pre-collapse; one seed).
        ["G24"] = doc => DeconstructingVerdicts.G24(Results(doc, ResultJson.Default.IReadOnlyListHutchinsonPoint).OrderBy(p => p.Alpha).ToArray()),
        ["G26"] = doc => DeconstructingVerdicts.G26(Results(doc, ResultJson.Default.IReadOnlyListPreCollapsePoint).OrderBy(p => p.Alpha).ToArray()),
        // Fig. 4 left (dimension section): what its claims' tests judge is not what the section measures.
        ["G13"] = _ => ClaimEvaluation.Inapplicable("G13",
            "G13's tests check Eq. 7-8 of the random logit model in closed form and by Monte Carlo (RandomLogitModelTests); the dimension section measures a network's projected G-term"),
        ["F4"] = _ => ClaimEvaluation.Inapplicable("F4",
            "F4's criterion needs PC(H) of the full Hessian (d = P) and a seed window admitted by PC(H) (DimensionScan); the dimension section measures projected PCs at d ≤ 2·d₀ on one seed"),
        ["S4"] = doc => Spectrum(doc, "S4", SagunVerdicts.S4),
        ["S5"] = doc => Spectrum(doc, "S5", SagunVerdicts.S5),
    };

    /// <summary>The claim IDs with a criterion (or a justified not-run) in the registry.</summary>
    public static IReadOnlyCollection<string> Claims => Registry.Keys.ToArray();

    /// <summary>The paper's statement, number and spec of a claim.</summary>
    public static ClaimStatement Statement(string claim) =>
        DeconstructingVerdicts.Statements.GetValueOrDefault(claim) ?? WangRobertsVerdicts.Statements.GetValueOrDefault(claim)
        ?? SagunVerdicts.Statements.GetValueOrDefault(claim) ?? FortScherlisVerdicts.Statements.GetValueOrDefault(claim) ?? throw new ArgumentException($"no statement for claim {claim}", nameof(claim));

    /// <summary>The claim's criterion applied to the JSON document of the command that touches it (what the claim's
    /// test asserts through ClaimAssert.Holds); not applicable, with the reason, where the section lacks what it needs.</summary>
    /// <exception cref="ArgumentException">The registry has no criterion for the claim.</exception>
    public static ClaimEvaluation Evaluate(string claim, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Registry.TryGetValue(claim, out var criterion))
            throw new ArgumentException($"no verdict criterion registered for claim {claim}: add one to ClaimCriteria (the criterion its test uses)", nameof(claim));
        return criterion(document);
    }

    /// <summary>The verdict row of <paramref name="claim"/> from the JSON document of the command that touches it.</summary>
    /// <exception cref="ArgumentException">The registry has no criterion for the claim.</exception>
    public static ClaimVerdict Verdict(string claim, JsonObject document) => Statement(claim).Verdict(Evaluate(claim, document));

    private static T Results<T>(JsonObject doc, JsonTypeInfo<T> type) =>
        ResultJson.FromNode(doc["results"] ?? throw new InvalidDataException("the document has no results"), type);

    private static IReadOnlyList<CurvaturePoint> Zone(JsonObject doc) => Results(doc, ResultJson.Default.IReadOnlyListCurvaturePoint);

    private static T Setting<T>(JsonObject doc, string key) => doc["settings"]?[key] is JsonValue v ? v.GetValue<T>()
        : throw new InvalidDataException($"the {doc["command"]} settings have no '{key}'");

    private static int Degree(JsonObject doc) => doc["settings"]?["homogeneityDegree"]?.GetValue<int>()
        ?? throw new InvalidDataException("the zone settings name no homogeneity degree L");

    /// <summary>The criterion applied to each seed's sweep; every seed must pass.</summary>
    private static ClaimEvaluation PerSeed(string claim, IReadOnlyList<CurvaturePoint> points, Func<IReadOnlyList<CurvaturePoint>, ClaimEvaluation> criterion) =>
        ClaimEvaluation.AllOf(claim, points.GroupBy(p => p.Seed).Select(g => ($"seed {g.Key}", criterion(g.OrderBy(p => p.Alpha).ToArray()))));

    private static TwoParameterDln DlnStart(JsonObject doc)
    {
        var start = doc["settings"]?["dlnStart"]?.AsArray() ?? throw new InvalidDataException("the instability settings name no dlnStart");
        return new TwoParameterDln(InstabilityStudy.FigureOneLoss, start[0]!.GetValue<double>(), start[1]!.GetValue<double>());
    }

    /// <summary>|u₁/u₂| of the unit vector at <paramref name="degrees"/> to the θ₁ axis.</summary>
    private static double Alignment(double degrees)
    {
        double phi = degrees * Math.PI / 180;
        return Math.Abs(Math.Cos(phi) / Math.Sin(phi));
    }

    private static SharpeningSummary Summary(SharpeningRun run) => new(run.InitialRatio!.Value, run.PeakRatio!.Value, run.LateMedianRatio!.Value,
        run.LateFractionNearLimit!.Value, run.LossIncreases!.Value, run.FinalLossFraction!.Value);

    private static ClaimEvaluation Spectrum(JsonObject doc, string claim, Func<int, IReadOnlyList<IReadOnlyList<double>>, ClaimEvaluation> criterion)
    {
        var r = Results(doc, ResultJson.Default.SpectrumResult);
        string measured = r.Eigenvalues is { Length: > 0 } e && e.Length > r.Classes
            ? $"at initialization, K = {r.Classes}: near-zero fraction {SagunVerdicts.NearZeroFraction(e):P1}, λ_K/λ_(K+1) = {SagunVerdicts.KthRatio(e, r.Classes):F3}"
            : "—";
        // The tests judge trained ReLU nets (TrainedSpectra, K = 2 and 5); the section's spectrum is at a Kaiming initialization.
        var evaluation = criterion(r.Classes, Array.Empty<IReadOnlyList<double>>());
        return ClaimEvaluation.Inapplicable(claim, $"the criterion judges trained ReLU nets over a seed window (K = 2, 5); the section's spectrum is one untrained net at K = {r.Classes}" +
            (evaluation.NotApplicable is { } why ? $" ({why})" : ""), measured);
    }
}
