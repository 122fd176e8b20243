
namespace Goldilocks.Tests.Claims.Companion;

/// <summary>
/// The laptop-scale experiments behind the statistical F and S claims: each composes library calls for one seed and
/// returns the numbers a test compares. Shared by the fixed-seed tests and by <see cref="CompanionCalibration"/>.
/// </summary>
internal static class CompanionExperiments
{
    /// <summary>Small Goldilocks setting: bias-free ReLU 6-8-8-4 (P = 144, L = 3), 40 clusters samples.</summary>
    public static (Mlp Model, Objective Objective) SmallNet(long seed)
    {
        var model = new Mlp(6, new[] { 8, 8 }, 4);
        var data = SyntheticClusters.Generate(40, 6, 4, seed);
        return (model, Fixtures.CrossEntropyObjective(model, data));
    }

    public static Tensor DenseHessian(Objective objective, Tensor theta)
    {
        using var point = new LinearizationPoint(objective, theta);
        return DenseMaterializer.Materialize(new HessianOperator(point));
    }

    /// <summary>F4: PC(H) and, for each d, the mean over <paramref name="bases"/> Haar subspaces of PC(H_d) and of the positive fraction.</summary>
    public static (double FullPc, double[] Pc, double[] Positive) ProjectedCurvatureByDimension(long seed, int[] dims, int bases = 10)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallNet(seed);
        var h = DenseHessian(objective, model.InitialParameters(seed));
        double full = PositiveCurvature.Of(h);
        var pc = new double[dims.Length];
        var pos = new double[dims.Length];
        for (int i = 0; i < dims.Length; i++)
            for (int b = 0; b < bases; b++)
            {
                using var inner = torch.NewDisposeScope();
                var m = SubspaceBasis.Create(model.ParameterCount, dims[i], 1000 * seed + 10 * i + b);
                var summary = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(m.t().matmul(h).matmul(m)));
                pc[i] += summary.RequirePositiveCurvature() / bases;
                pos[i] += summary.LocalConvexity / bases;
            }
        return (full, pc, pos);
    }

    /// <summary>F8: PC(H) at θ = c·θ_init for each radius multiple c.</summary>
    public static double[] PositiveCurvatureByRadius(long seed, double[] multiples)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallNet(seed);
        var theta = model.InitialParameters(seed);
        return multiples.Select(c => { using var _ = torch.NewDisposeScope(); return PositiveCurvature.Of(DenseHessian(objective, theta * c)); }).ToArray();
    }

    /// <summary>
    /// F9: accuracy after Adam on a random d-surface through c·θ_init, with biases (Fort &amp; Scherlis's networks have
    /// them). <paramref name="basis"/> picks one of several random bases through the same point.
    /// </summary>
    public static double SurfaceAccuracy(long seed, double multiple, SurfaceKind kind, int d = 8, int steps = 150, double lr = 0.05, int basis = 0)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(6, new[] { 16 }, 4, bias: true);
        var data = SyntheticClusters.Generate(80, 6, 4, seed);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var origin = model.InitialParameters(seed) * multiple;
        var surface = new RandomSurface(objective, origin, SubspaceBasis.Create(model.ParameterCount, d, seed + 500 + 100_000L * basis), kind);
        var result = surface.Train(lr, steps, adam: true);
        return result.Diverged ? 0 : Accuracy.Of(objective, result.FinalParameters);
    }

    /// <summary>
    /// F9: mean accuracy over <paramref name="bases"/> random surfaces through each c·θ_init (Fig. 2's contours average
    /// over surfaces); [0][i] hyperplanes, [1][i] hyperspheres, i indexing <paramref name="multiples"/>.
    /// </summary>
    public static double[][] MeanSurfaceAccuracy(long seed, double[] multiples, int bases)
        => new[] { SurfaceKind.Hyperplane, SurfaceKind.Hypersphere }
            .Select(kind => multiples.Select(c => Enumerable.Range(0, bases).Average(j => SurfaceAccuracy(seed, c, kind, basis: j))).ToArray())
            .ToArray();

    /// <summary>F10: ‖θ_T‖/r_init after full-batch GD started at c·θ_init.</summary>
    public static double RadiusAfterTraining(long seed, double multiple, int steps = 300, double lr = 0.2)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallNet(seed);
        var theta = model.InitialParameters(seed);
        double rInit = theta.norm().item<double>();
        var result = MinibatchSgd.Run(objective, theta * multiple, lr, steps, objective.Count, seed);
        return result.FinalParameters.norm().item<double>() / rInit;
    }

    /// <summary>
    /// F11: Spearman correlation between PC(H) and the initial loss over <paramref name="draws"/> Kaiming draws on one
    /// dataset. With <paramref name="onShell"/> every draw is rescaled to the draws' mean radius, so that the points
    /// differ in direction only (Fort &amp; Scherlis Sec. 3 sample "at a given radius").
    /// </summary>
    public static double CurvatureLossCorrelation(long seed, int draws = 24, bool onShell = false)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallNet(seed);
        var thetas = Enumerable.Range(0, draws).Select(i => model.InitialParameters(10_000 * seed + i)).ToArray();
        double radius = thetas.Average(t => t.norm().item<double>());
        var pcs = new double[draws];
        var losses = new double[draws];
        for (int i = 0; i < draws; i++)
        {
            using var inner = torch.NewDisposeScope();
            var theta = onShell ? thetas[i] * (radius / thetas[i].norm().item<double>()) : thetas[i];
            pcs[i] = PositiveCurvature.Of(DenseHessian(objective, theta));
            losses[i] = objective.Value(theta);
        }
        return Spearman(pcs, losses);
    }

    public static double Spearman(double[] a, double[] b)
    {
        double[] Rank(double[] x) { var r = new double[x.Length]; var order = x.Select((v, i) => (v, i)).OrderBy(t => t.v).ToArray(); for (int k = 0; k < order.Length; k++) r[order[k].i] = k; return r; }
        var ra = Rank(a); var rb = Rank(b);
        double ma = ra.Average(), mb = rb.Average();
        double cov = ra.Zip(rb).Sum(t => (t.First - ma) * (t.Second - mb));
        return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(x => (x - mb) * (x - mb)));
    }

    /// <summary>
    /// Sagun et al. App. A scaled down: a bias-free MLP 10-<paramref name="width"/>-K, <paramref name="samples"/>
    /// points of K well separated Gaussian clusters (N ≫ K).
    /// </summary>
    public static (Mlp Model, Objective Objective) SagunNet(long seed, int classes, Activation activation, int width = 10, int samples = 200, double separation = 5.0)
    {
        var model = new Mlp(10, new[] { width }, classes, activation, bias: false);
        var data = SyntheticClusters.Generate(samples, 10, classes, seed, separation: separation);
        return (model, Fixtures.CrossEntropyObjective(model, data));
    }

    /// <summary>S4/S5: dense Hessian eigenvalues (ascending) at init and after full-batch GD (Training/GradientDescent).</summary>
    public static (double[] AtInit, double[] Trained, double Accuracy) SagunSpectra(long seed, int classes, Activation activation, int steps = 300, double lr = 0.5)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNet(seed, classes, activation);
        var theta = model.InitialParameters(seed);
        var init = SymmetricEigen.Eigenvalues(DenseHessian(objective, theta));
        var trained = GradientDescent.Run(objective, theta, lr, steps, recordEvery: steps).FinalParameters;
        return (init, SymmetricEigen.Eigenvalues(DenseHessian(objective, trained)), Accuracy.Of(objective, trained));
    }

    /// <summary>S6/S7: the top-k and the smallest Hessian eigenvalue by Lanczos.</summary>
    public static (double[] Top, double Bottom) Extremes(Objective objective, Tensor theta, int k)
    {
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        var top = Lanczos.Run(op, k, SpectrumEnd.LargestAlgebraic, 1e-6, maxIterations: 80).Eigenvalues;
        var bottom = Lanczos.Run(op, 1, SpectrumEnd.SmallestAlgebraic, 1e-6, maxIterations: 80).Eigenvalues[0];
        return (top, bottom);
    }

    /// <summary>S6: top-k eigenvalues and λ_min after full-batch GD, for a given width.</summary>
    public static (double[] Top, double Bottom) TrainedExtremes(long seed, int width, int classes = 5, int steps = 400, double lr = 0.5)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNet(seed, classes, Activation.ReLU, width);
        var trained = MinibatchSgd.Run(objective, model.InitialParameters(seed), lr, steps, objective.Count, seed).FinalParameters;
        return Extremes(objective, trained, 2 * classes);
    }

    /// <summary>S6 (Sagun Sec. 3.2: "same step size until a sufficient stopping condition"): full-batch GD until the
    /// training loss is at most <paramref name="lossTarget"/> (or <paramref name="maxSteps"/>); top-k, λ_min, steps taken.</summary>
    public static (double[] Top, double Bottom, int Steps) TrainedToLoss(long seed, int width, double lossTarget, int classes = 5, double lr = 0.5, int maxSteps = 5000)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNet(seed, classes, Activation.ReLU, width);
        var run = GradientDescent.Run(objective, model.InitialParameters(seed), lr, maxSteps, recordEvery: maxSteps, onStep: s => s.Loss > lossTarget);
        var (top, bottom) = Extremes(objective, run.FinalParameters, 2 * classes);
        return (top, bottom, run.StepsTaken);
    }

    /// <summary>S7: large- vs small-batch runs with the same learning rate and steps; top eigenvalues and the path between them.</summary>
    public static (double[] LargeTop, double[] SmallTop, InterpolationProfile Path) LargeVersusSmallBatch(long seed, int classes = 5, int steps = 400, double lr = 0.5, long small = 10, double separation = 5.0)
    {
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SagunNet(seed, classes, Activation.ReLU, separation: separation);
        var theta = model.InitialParameters(seed);
        var large = MinibatchSgd.Run(objective, theta, lr, steps, objective.Count, seed).FinalParameters;
        var smallRun = MinibatchSgd.Run(objective, theta, lr, steps, small, seed).FinalParameters;
        var lt = Extremes(objective, large, 2 * classes).Top;
        var st = Extremes(objective, smallRun, 2 * classes).Top;
        return (lt, st, LinearInterpolation.Profile(objective, large, smallRun, 11));
    }
}
