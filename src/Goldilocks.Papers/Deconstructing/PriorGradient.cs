using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>One sampled class prior Q: the subset's empirical prior, ‖Q̂ − Q‖ and the full-batch gradient norm on the subset.</summary>
/// <param name="Prior">The sampled prior Q.</param>
/// <param name="PriorDistance">‖Q̂ − Q‖.</param>
/// <param name="GradientNorm">‖∇L‖ on the subset with prior Q.</param>
public sealed record PriorGradientPoint(double[] Prior, double PriorDistance, double GradientNorm);

/// <param name="Points">One point per sampled prior Q.</param>
/// <param name="ModelPrior">Q̂ = mean softmax output over the pool (Sec. 4).</param>
/// <param name="Fit">Least-squares line of the gradient norm against ‖Q̂ − Q‖ over the points (Eq. 9 predicts a line).</param>
/// <param name="PredictedSlope">√(mean_k ‖c_k‖²) with c_k the full-space mean logit gradient over the pool: the Eq. 9 slope
/// when the c_k are orthogonal with equal norms (see spec G14/G15).</param>
public sealed record PriorGradientResult(IReadOnlyList<PriorGradientPoint> Points, double[] ModelPrior, LinearFit Fit, double PredictedSlope);

/// <summary>
/// Paper 000 Fig. 5b: for class priors Q drawn uniformly from the simplex, subsets with that prior are drawn (with
/// replacement, per class) from a pool; the cross-entropy gradient norm is plotted against ‖Q̂ − Q‖ (Eq. 9).
/// </summary>
public static class PriorGradient
{
    /// <summary><paramref name="priors"/> priors Q drawn from the simplex (seeded by <paramref name="seed"/>), each with a subset of <paramref name="subsetSize"/> samples of <paramref name="pool"/>, and the gradient norm of <paramref name="model"/> at <paramref name="theta"/> on each.</summary>
    public static PriorGradientResult Run(FlatModel model, Dataset pool, Tensor theta, int priors = 100, int subsetSize = 500, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pool);
        if (priors < 3) throw new ArgumentOutOfRangeException(nameof(priors), priors, "a line fit needs at least 3 priors");
        if (subsetSize < pool.Classes) throw new ArgumentOutOfRangeException(nameof(subsetSize), subsetSize, "subset must hold at least one sample per class");
        using var scope = torch.NewDisposeScope();
        var ce = new CrossEntropy();
        var poolObjective = new Objective(model, pool, ce);
        var modelPrior = ce.Probabilities(poolObjective.Logits(theta)).mean(new long[] { 0 }).data<double>().ToArray();
        double predictedSlope = MeanLogitGradientNorm(model, pool, theta);
        var labels = pool.Targets.cpu().data<long>().ToArray();
        var byClass = Enumerable.Range(0, pool.Classes).Select(k => Enumerable.Range(0, labels.Length).Where(i => labels[i] == k).ToArray()).ToArray();
        if (byClass.Any(c => c.Length == 0)) throw new ArgumentException($"{pool.Name} lacks samples of some class", nameof(pool));
        var rng = new Random((int)seed);
        var points = new List<PriorGradientPoint>();
        for (int r = 0; r < priors; r++)
        {
            using var inner = torch.NewDisposeScope();
            var counts = Counts(Dirichlet(rng, pool.Classes), subsetSize);
            var idx = counts.SelectMany((n, k) => Enumerable.Range(0, n).Select(_ => byClass[k][rng.Next(byClass[k].Length)])).ToArray();
            var index = torch.tensor(idx.Select(i => (long)i).ToArray()).to(pool.Device);
            using var subset = new Dataset(pool.Inputs.index_select(0, index), pool.Targets.index_select(0, index), pool.Classes, "prior subset");
            var (_, grad) = new Objective(model, subset, ce).ValueAndGradient(theta);
            var q = counts.Select(n => n / (double)subsetSize).ToArray();
            double dist = Math.Sqrt(q.Select((v, k) => (v - modelPrior[k]) * (v - modelPrior[k])).Sum());
            points.Add(new PriorGradientPoint(q, dist, grad.norm().ToDouble()));
        }
        var fit = Statistics.Fit(points.Select(p => p.PriorDistance).ToArray(), points.Select(p => p.GradientNorm).ToArray());
        return new PriorGradientResult(points, modelPrior, fit, predictedSlope);
    }

    /// <summary>√(mean_k ‖c_k‖²), c_k = (1/N) Σ_μ ∇_θ z_k(x_μ) (one backward pass per class).</summary>
    public static double MeanLogitGradientNorm(FlatModel model, Dataset data, Tensor theta)
    {
        using var scope = torch.NewDisposeScope();
        var binding = model.Bind(theta);
        var meanLogits = binding.Forward(data.Inputs).mean(new long[] { 0 });
        double total = 0;
        for (int k = 0; k < model.Outputs; k++)
        {
            var onehot = torch.zeros_like(meanLogits);
            onehot[k] = 1.0;
            total += binding.Grad(meanLogits, onehot).pow(2).sum().ToDouble();
        }
        return Math.Sqrt(total / model.Outputs);
    }

    /// <summary>Uniform draw from the probability simplex (Dirichlet(1, …, 1)).</summary>
    public static double[] Dirichlet(Random rng, int k)
    {
        var e = Enumerable.Range(0, k).Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    /// <summary>Integer counts summing to n, proportional to q by largest remainders, at least 1 per class.</summary>
    public static int[] Counts(double[] q, int n)
    {
        int k = q.Length;
        var raw = q.Select(v => 1 + v * (n - k)).ToArray();
        var counts = raw.Select(v => (int)Math.Floor(v)).ToArray();
        foreach (var i in Enumerable.Range(0, k).OrderByDescending(i => raw[i] - counts[i]).Take(n - counts.Sum())) counts[i]++;
        return counts;
    }
}
