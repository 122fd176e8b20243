using Goldilocks.Curvature;
using Goldilocks.Objectives;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Training;

/// <summary>
/// Full-batch gradient descent that records the loss and the top Hessian eigenpairs every n steps (Wang &amp; Roberts
/// Sec. 3.2, Fig. 2; Cohen et al. 2021), built on <see cref="GradientDescent.Direction"/>. The eigen-solver is a
/// parameter: <see cref="LanczosSolver"/> (the default; converged at every record) or
/// <see cref="WarmStartedSubspaceIteration"/> (a few Hessian-vector products per step, warm-started from the previous
/// step). An optional <see cref="EigenDirectionSuppression"/> removes the update along unstable eigen-directions
/// (App. G, Fig. 10), which needs a solve at every step.
/// </summary>
public static class EigenTracking
{
    /// <summary>Runs <paramref name="steps"/> gradient-descent steps θ ← θ − η∇L(θ) from <paramref name="initial"/>,
    /// recording the state before the update at every <see cref="EigenTrackingOptions.RecordEvery"/>-th step and at
    /// the last one. Stops early, with <see cref="EigenTrackingResult.Diverged"/> set, when the loss, the parameters or
    /// the gradient stop being finite.</summary>
    /// <param name="objective">The training objective.</param>
    /// <param name="initial">Initial parameters [P] (not modified).</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="steps">Number of updates (≥ 0); steps + 1 states are visited.</param>
    /// <param name="options">What to record; defaults to the top eigenvalue at every step.</param>
    /// <param name="solver">Eigen-solver for the Hessian at each visited state; a new <see cref="LanczosSolver"/> if
    /// null. A stateful solver (<see cref="WarmStartedSubspaceIteration"/>) must serve one run only.</param>
    /// <param name="suppression">Removes the update along eigen-directions with λ &gt; 2/η (App. G) when given.</param>
    public static EigenTrackingResult Run(Objective objective, Tensor initial, double learningRate, int steps,
        EigenTrackingOptions? options = null, IEigenSolver? solver = null, EigenDirectionSuppression? suppression = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        options ??= new EigenTrackingOptions();
        if (options.RecordEvery < 1) throw new ArgumentOutOfRangeException(nameof(options), options.RecordEvery, "RecordEvery must be ≥ 1");
        if (options.TopK < 1 || options.TopK > objective.Model.ParameterCount)
            throw new ArgumentOutOfRangeException(nameof(options), options.TopK, $"TopK must be in [1, P = {objective.Model.ParameterCount}]");
        objective.ValidateParameters(initial, nameof(initial));
        solver ??= new LanczosSolver();
        int k = Math.Max(options.TopK, suppression?.Directions ?? 0);
        var coefficients = LogitCoefficients.LossGradient(objective.Loss);
        var records = new List<EigenRecord>();
        var theta = initial.detach().clone().DetachFromDisposeScope();
        int step = 0;
        for (; step <= steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (loss, direction) = GradientDescent.Direction(objective, theta, coefficients);
            if (!double.IsFinite(loss) || !Guard.AllFinite(theta) || !Guard.AllFinite(direction))
            {
                theta.Dispose();
                return new EigenTrackingResult(records, true, step, learningRate, null);
            }
            bool record = step % options.RecordEvery == 0 || step == steps;
            int suppressed = 0;
            if (record || suppression is not null)
            {
                var pairs = TopEigenpairs(objective, theta, k, solver);
                if (suppression is not null) (direction, suppressed) = suppression.Apply(direction, pairs, learningRate);
                if (record)
                {
                    var top = pairs.Eigenvectors.narrow(1, 0, options.TopK);
                    double? factor = options.SharpeningFactor
                        ? SharpnessGradient.ProgressiveSharpeningFactor(objective, theta, top[.., 0].contiguous()) : null;
                    records.Add(new EigenRecord(step, loss, pairs.Eigenvalues.Take(options.TopK).ToArray(),
                        options.KeepEigenvectors ? top.to(ScalarType.Float64).cpu().clone().DetachFromDisposeScope() : null,
                        options.KeepParameters ? theta.to(ScalarType.Float64).cpu().clone().DetachFromDisposeScope() : null,
                        factor, suppressed));
                }
            }
            if (step < steps) theta.sub_(direction * learningRate);
        }
        return new EigenTrackingResult(records, false, steps, learningRate, theta);
    }

    /// <summary>At least <paramref name="k"/> largest Hessian eigenpairs at θ, descending (the first is the sharpness
    /// S); the solver defaults to a new <see cref="LanczosSolver"/>.</summary>
    public static EigenResult TopEigenpairs(Objective objective, Tensor theta, int k, IEigenSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        using var point = new LinearizationPoint(objective, theta);
        return (solver ?? new LanczosSolver()).Solve(new HessianOperator(point), k);
    }
}
