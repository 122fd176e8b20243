using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Training;

/// <summary>Final parameters (caller owns them) and the full-data loss every <c>recordEvery</c> steps.</summary>
/// <param name="FinalParameters">θ after the last update (or at divergence), owned by the caller.</param>
/// <param name="Losses">Full-data losses at the recorded steps.</param>
/// <param name="Diverged">True when a batch loss stopped being finite.</param>
public sealed record SgdResult(Tensor FinalParameters, IReadOnlyList<double> Losses, bool Diverged);

/// <summary>
/// Plain mini-batch SGD θ ← θ - η ∇L_B(θ), L_B the mean loss over a batch B drawn without replacement from a seeded
/// per-epoch permutation (Sagun et al. Sec. 3.3: same learning rate and number of steps for large and small
/// batches). batchSize = N is full-batch gradient descent.
/// </summary>
public static class MinibatchSgd
{
    /// <summary>Runs <paramref name="steps"/> SGD updates with batches of <paramref name="batchSize"/> rows (permutations seeded by <paramref name="seed"/>), recording the full-data loss after every <paramref name="recordEvery"/>-th update (none when 0); stops with <see cref="SgdResult.Diverged"/> at a non-finite batch loss.</summary>
    public static SgdResult Run(Objective objective, Tensor initial, double learningRate, int steps, long batchSize, long seed, int recordEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.ValidateParameters(initial, nameof(initial));
        Guard.PositiveFinite(learningRate, nameof(learningRate));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        long n = objective.Count;
        if (batchSize < 1 || batchSize > n) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batch size must be in [1, N = {n}]");
        var gen = new torch.Generator((ulong)seed);
        var theta = initial.detach().clone().DetachFromDisposeScope();
        var losses = new List<double>();
        var data = objective.Data;
        Tensor? perm = null;
        long cursor = n;
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            if (cursor + batchSize > n)
            {
                perm?.Dispose();
                perm = torch.randperm(n, generator: gen).to(data.Device).DetachFromDisposeScope();
                cursor = 0;
            }
            var idx = perm!.narrow(0, cursor, batchSize);
            cursor += batchSize;
            var binding = objective.Model.Bind(theta.detach().requires_grad_(true));
            var loss = objective.Loss.Sum(binding.Forward(data.Inputs.index_select(0, idx)), data.Targets.index_select(0, idx)) / batchSize;
            if (!double.IsFinite(loss.ToDouble())) { perm.Dispose(); return new SgdResult(theta, losses, true); }
            theta.sub_(binding.Grad(loss) * learningRate);
            if (recordEvery > 0 && step % recordEvery == 0) losses.Add(objective.Value(theta));
        }
        perm?.Dispose();
        return new SgdResult(theta, losses, false);
    }
}
