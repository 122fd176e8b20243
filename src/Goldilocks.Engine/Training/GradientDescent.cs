using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Training;

/// <summary>One recorded step of a run: the state before the update of step <see cref="Step"/>.</summary>
/// <param name="Step">Index of the step (0 = the initial parameters).</param>
/// <param name="Loss">Full-batch loss L(θ).</param>
/// <param name="GradientNorm">‖d‖ of the update direction (‖∇L‖ for plain GD).</param>
/// <param name="ParameterNorm">‖θ‖.</param>
public sealed record TrainingRecord(int Step, double Loss, double GradientNorm, double ParameterNorm);

/// <summary>A finished run: the records, the final parameters (caller owns them) and whether it diverged
/// (non-finite loss or parameters, at which point it stopped instead of producing NaN).</summary>
/// <param name="Records">The recorded states in step order.</param>
/// <param name="FinalParameters">θ at the end of the run, owned by the caller.</param>
/// <param name="Diverged">True when the loss or the parameters stopped being finite.</param>
/// <param name="StepsTaken">Updates applied.</param>
public sealed record TrainingResult(IReadOnlyList<TrainingRecord> Records, Tensor FinalParameters, bool Diverged, int StepsTaken);

/// <summary>State passed to a per-step observer: parameters (read-only view) and the update direction.</summary>
/// <param name="Step">Index of the step about to be taken.</param>
/// <param name="Parameters">θ before the update (a live view: do not modify or keep).</param>
/// <param name="Direction">The update direction d (θ ← θ − ηd).</param>
/// <param name="Loss">L(θ) before the update.</param>
public sealed record StepState(int Step, Tensor Parameters, Tensor Direction, double Loss);

/// <summary>
/// Full-batch gradient descent θ ← θ − η (1/N) Σ_μ J_μᵀ c_μ (paper 000 Sec. 5; Wang &amp; Roberts Sec. 2). With the
/// default coefficients c = ∂ℓ/∂z this is plain GD on the objective; other <see cref="LogitCoefficients"/> give the
/// Sec. 5 "unscaled softmax" update and the USO model.
/// </summary>
public static class GradientDescent
{
    /// <summary>Runs <paramref name="steps"/> full-batch updates from <paramref name="initial"/> (not modified), recording every <paramref name="recordEvery"/>-th state and the last; stops with <see cref="TrainingResult.Diverged"/> when the loss or parameters stop being finite.</summary>
    /// <param name="objective">The training objective.</param>
    /// <param name="initial">Initial parameters [P].</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="steps">Number of updates (≥ 0).</param>
    /// <param name="coefficients">Logit coefficients c of the update; the loss gradient ∂ℓ/∂z when null.</param>
    /// <param name="recordEvery">Record spacing (≥ 1).</param>
    /// <param name="onStep">Called before each update; returning false stops the run.</param>
    public static TrainingResult Run(Objective objective, Tensor initial, double learningRate, int steps,
        LogitCoefficients? coefficients = null, int recordEvery = 1, Func<StepState, bool>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        if (recordEvery < 1) throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, "recordEvery must be ≥ 1");
        objective.ValidateParameters(initial, nameof(initial));
        coefficients ??= LogitCoefficients.LossGradient(objective.Loss);

        var records = new List<TrainingRecord>();
        var theta = initial.detach().clone().DetachFromDisposeScope();
        bool diverged = false;
        int step = 0;
        for (; step <= steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var (loss, direction) = Direction(objective, theta, coefficients);
            double gradNorm = direction.norm().ToDouble();
            double paramNorm = theta.norm().ToDouble();
            if (!double.IsFinite(loss) || !double.IsFinite(gradNorm) || !double.IsFinite(paramNorm))
            {
                diverged = true;
                break;
            }
            if (step % recordEvery == 0 || step == steps) records.Add(new TrainingRecord(step, loss, gradNorm, paramNorm));
            if (onStep is not null && !onStep(new StepState(step, theta, direction, loss))) break;
            if (step == steps) break;
            theta.sub_(direction * learningRate);
        }
        return new TrainingResult(records, theta, diverged, Math.Min(step, steps));
    }

    /// <summary>L(θ) and the update direction (1/N) Σ_μ J_μᵀ c_μ, batch by batch.</summary>
    public static (double Loss, Tensor Direction) Direction(Objective objective, Tensor theta, LogitCoefficients coefficients)
    {
        using var scope = torch.NewDisposeScope();
        var binding = objective.Model.Bind(theta.detach().requires_grad_(true));
        var direction = torch.zeros_like(theta);
        double total = 0;
        foreach (var (s, n) in objective.Batches())
        {
            using var inner = torch.NewDisposeScope();
            var (x, y) = objective.Batch(s, n);
            var logits = binding.Forward(x);
            using (torch.no_grad()) total += objective.Loss.Sum(logits, y).ToDouble();
            var c = coefficients.Compute(logits.detach(), y);
            direction.add_(binding.Grad(logits, c));
        }
        return (total / objective.Count, direction.div_(objective.Count).MoveToOuterDisposeScope());
    }
}
