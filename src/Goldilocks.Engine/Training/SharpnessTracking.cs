using Goldilocks.Curvature;
using Goldilocks.Objectives;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Training;

/// <summary>Options of <see cref="SharpnessTracking.Run"/>.</summary>
/// <param name="TopK">Top Hessian eigenpairs to record (the first is the sharpness S).</param>
/// <param name="RecordEvery">Record every n-th step (and the last).</param>
/// <param name="Block">Subspace-iteration block size (≥ TopK; extra columns speed up convergence of the top k).</param>
/// <param name="Iterations">Subspace iterations per eigen-solve (warm-started from the previous block).</param>
/// <param name="Suppress">Remove the update along eigen-directions with λ &gt; 2/η every step (Wang &amp; Roberts App. G).</param>
/// <param name="SharpeningFactor">Record −∇L·∇S (App. G; Damian et al. 2023) at each record.</param>
/// <param name="KeepEigenvectors">Keep the top-k eigenvectors [P, k] in each record (for W11).</param>
public sealed record SharpnessTrackingOptions(int TopK = 1, int RecordEvery = 1, int Block = 3, int Iterations = 2,
    bool Suppress = false, bool SharpeningFactor = false, bool KeepEigenvectors = false, long Seed = 0);

/// <summary>State before the update of <see cref="Step"/>. Eigenvectors are float64 [P, k] on the CPU (or null).</summary>
public sealed record SharpnessRecord(int Step, double Loss, double[] Eigenvalues, Tensor? Eigenvectors, double? SharpeningFactor, int Suppressed)
{
    public double Sharpness => Eigenvalues[0];
}

/// <summary>A tracked run; <see cref="FinalParameters"/> belong to the caller (null if it diverged).</summary>
public sealed record SharpnessTrackingResult(IReadOnlyList<SharpnessRecord> Records, bool Diverged, double LearningRate, Tensor? FinalParameters)
{
    public double[] Losses => Records.Select(r => r.Loss).ToArray();
    public double[] Sharpness => Records.Select(r => r.Sharpness).ToArray();
    /// <summary>ηS/2: 1 at the stability limit S = 2/η (Cohen et al. 2021).</summary>
    public double[] StabilityRatio => Records.Select(r => LearningRate * r.Sharpness / 2).ToArray();
}

/// <summary>
/// Full-batch GD that tracks the top Hessian eigenpairs cheaply: block subspace iteration with Rayleigh–Ritz on the
/// <see cref="HessianOperator"/>, warm-started from the previous block, so each solve costs Block × Iterations
/// Hessian-vector products (Cohen et al. 2021 track sharpness with Lanczos every few steps; the Hessian changes
/// little per step, so the warm start converges over consecutive steps). Optionally applies the App. G suppression
/// of unstable eigen-directions (<see cref="EigenDirectionSuppression"/>), which needs a solve every step.
/// </summary>
public static class SharpnessTracking
{
    public static SharpnessTrackingResult Run(Objective objective, Tensor initial, double learningRate, int steps, SharpnessTrackingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        options ??= new SharpnessTrackingOptions();
        if (options.RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(options), options.RecordEvery, "RecordEvery must be ≥ 1");
        if (options.TopK < 1 || options.Block < options.TopK || options.Block > objective.Model.ParameterCount)
            throw new ArgumentOutOfRangeException(nameof(options), $"need 1 ≤ TopK ({options.TopK}) ≤ Block ({options.Block}) ≤ P");
        if (options.Iterations < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Iterations, "Iterations must be ≥ 1");
        objective.ValidateParameters(initial, nameof(initial));
        var coefficients = LogitCoefficients.LossGradient(objective.Loss);
        var suppression = options.Suppress ? new EigenDirectionSuppression(options.Block) : null;
        var records = new List<SharpnessRecord>();
        var theta = initial.detach().clone().DetachFromDisposeScope();
        var block = torch.linalg.qr(torch.randn(new[] { objective.Model.ParameterCount, (long)options.Block }, dtype: ScalarType.Float64,
            generator: new torch.Generator((ulong)options.Seed)).to(theta.dtype).to(theta.device)).Q.DetachFromDisposeScope();
        for (int step = 0; step <= steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (loss, direction) = GradientDescent.Direction(objective, theta, coefficients);
            if (!double.IsFinite(loss) || !Guard.AllFinite(direction))
            {
                theta.Dispose();
                block.Dispose();
                return new SharpnessTrackingResult(records, true, learningRate, null);
            }
            bool record = step % options.RecordEvery == 0 || step == steps;
            int suppressed = 0;
            if (record || suppression is not null)
            {
                var pairs = TopEigenpairs(objective, theta, ref block, options.Iterations);
                if (suppression is not null) (direction, suppressed) = suppression.Apply(direction, pairs, learningRate);
                if (record)
                {
                    var top = pairs.Eigenvectors.narrow(1, 0, options.TopK);
                    double? factor = options.SharpeningFactor
                        ? SharpnessGradient.ProgressiveSharpeningFactor(objective, theta, top[.., 0].contiguous()) : null;
                    var vectors = options.KeepEigenvectors ? top.to(ScalarType.Float64).cpu().clone().DetachFromDisposeScope() : null;
                    records.Add(new SharpnessRecord(step, loss, pairs.Eigenvalues.Take(options.TopK).ToArray(), vectors, factor, suppressed));
                }
            }
            if (step < steps) theta.sub_(direction * learningRate);
        }
        block.Dispose();
        return new SharpnessTrackingResult(records, false, learningRate, theta);
    }

    /// <summary>Warm-started subspace iteration with Rayleigh–Ritz: Ritz pairs (descending) of H on span(H^i V);
    /// <paramref name="block"/> is replaced by the new orthonormal block.</summary>
    public static LanczosResult TopEigenpairs(Objective objective, Tensor theta, ref Tensor block, int iterations)
    {
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        var v = block;
        Tensor ritzValues = null!, ritzVectors = null!, residual = null!;
        for (int i = 0; i < iterations; i++)
        {
            var hv = op.ApplyColumns(v);
            var t = v.t().matmul(hv);
            var (values, u) = torch.linalg.eigh(0.5 * (t + t.t()));
            var order = torch.argsort(values, descending: true);
            ritzValues = values[order];
            u = u.index_select(1, order);
            ritzVectors = v.matmul(u);
            var hx = hv.matmul(u); // H(Vu) exactly
            residual = torch.linalg.vector_norm(hx - ritzVectors * ritzValues, dims: new long[] { 0 });
            v = torch.linalg.qr(hx).Q;
        }
        var old = block;
        block = v.DetachFromDisposeScope();
        old.Dispose();
        var lambdas = ritzValues.cpu().data<double>().ToArray();
        // Converged = false: a fixed number of iterations, no tolerance (the warm start converges over consecutive steps).
        return new LanczosResult(lambdas, ritzVectors.MoveToOuterDisposeScope(), residual.cpu().data<double>().ToArray(), false, iterations * (int)v.shape[1]);
    }
}
