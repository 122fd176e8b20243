using Goldilocks.Curvature;
using Goldilocks.Objectives;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Training;

/// <summary>What to record during a tracked run (Wang &amp; Roberts Sec. 3.2, Fig. 2, App. G).</summary>
/// <param name="TopK">Number of top Hessian eigenpairs to record.</param>
/// <param name="RecordEvery">Record every n-th step (and the last).</param>
/// <param name="SharpeningFactor">Also record −∇L·∇S (App. G), one third-order product per record.</param>
/// <param name="LanczosTolerance">Relative residual tolerance of the eigenpairs.</param>
/// <param name="Seed">Lanczos start vector seed (the same at every record, so runs are reproducible).</param>
public sealed record EigenTrackingOptions(int TopK = 3, int RecordEvery = 1, bool SharpeningFactor = false,
    double LanczosTolerance = 1e-9, long Seed = 0);

/// <summary>The state before the update of <see cref="Step"/>: loss, top-k eigenvalues (descending; the first is the
/// sharpness S), eigenvectors [P, k] and parameters [P] (both float64 on the CPU, owned by the snapshot).</summary>
public sealed record EigenSnapshot(int Step, double Loss, double[] Eigenvalues, Tensor Eigenvectors, Tensor Parameters,
    double? SharpeningFactor, int SuppressedDirections)
{
    public double Sharpness => Eigenvalues[0];
}

public sealed record EigenTrackingResult(IReadOnlyList<EigenSnapshot> Snapshots, bool Diverged, int StepsTaken, double LearningRate)
{
    public double[] Losses => Snapshots.Select(s => s.Loss).ToArray();
    public double[] Sharpness => Snapshots.Select(s => s.Sharpness).ToArray();
}

/// <summary>
/// Full-batch gradient descent that records loss, sharpness (Lanczos on the Hessian) and the top-k eigenvectors every
/// n steps, built on <see cref="GradientDescent.Direction"/>. An optional <see cref="EigenDirectionSuppression"/>
/// removes the update along unstable eigen-directions (App. G, Fig. 10).
/// </summary>
public static class EigenTracking
{
    public static EigenTrackingResult Run(Objective objective, Tensor initial, double learningRate, int steps,
        EigenTrackingOptions? options = null, EigenDirectionSuppression? suppression = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        options ??= new EigenTrackingOptions();
        if (options.RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(options), options.RecordEvery, "RecordEvery must be ≥ 1");
        objective.ValidateParameters(initial, nameof(initial));
        var coefficients = LogitCoefficients.LossGradient(objective.Loss);
        var snapshots = new List<EigenSnapshot>();
        var theta = initial.detach().clone().DetachFromDisposeScope();
        bool diverged = false;
        int step = 0;
        try
        {
            for (; step <= steps; step++)
            {
                using var scope = torch.NewDisposeScope();
                var (loss, direction) = GradientDescent.Direction(objective, theta, coefficients);
                if (!double.IsFinite(loss) || !Guard.AllFinite(theta)) { diverged = true; break; }
                bool record = step % options.RecordEvery == 0 || step == steps;
                LanczosResult? pairs = null;
                if (record || suppression is not null)
                    pairs = TopEigenpairs(objective, theta, Math.Max(options.TopK, suppression?.Directions ?? 0), options);
                int suppressed = 0;
                if (suppression is not null) (direction, suppressed) = suppression.Apply(direction, pairs!, learningRate);
                if (record)
                {
                    double? factor = options.SharpeningFactor
                        ? SharpnessGradient.ProgressiveSharpeningFactor(objective, theta, pairs!.Eigenvectors[.., 0].contiguous())
                        : null;
                    snapshots.Add(new EigenSnapshot(step, loss, pairs!.Eigenvalues.Take(options.TopK).ToArray(),
                        pairs.Eigenvectors.narrow(1, 0, options.TopK).to(ScalarType.Float64).cpu().DetachFromDisposeScope(),
                        theta.to(ScalarType.Float64).cpu().clone().DetachFromDisposeScope(), factor, suppressed));
                }
                if (step == steps) break;
                theta.sub_(direction * learningRate);
            }
        }
        finally
        {
            theta.Dispose();
        }
        return new EigenTrackingResult(snapshots, diverged, Math.Min(step, steps), learningRate);
    }

    /// <summary>The k largest Hessian eigenpairs at θ (Lanczos with full re-orthogonalisation).</summary>
    public static LanczosResult TopEigenpairs(Objective objective, Tensor theta, int k, EigenTrackingOptions options)
    {
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        var r = Lanczos.Run(op, k, SpectrumEnd.LargestAlgebraic, options.LanczosTolerance,
            maxIterations: (int)Math.Min(op.Size, Math.Max(4 * k + 40, 120)), seed: options.Seed);
        return r with { Eigenvectors = r.Eigenvectors.detach().clone() };
    }
}
