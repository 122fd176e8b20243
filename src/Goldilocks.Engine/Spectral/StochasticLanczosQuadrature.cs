using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>Gaussian-smoothed spectral density from stochastic Lanczos quadrature: nodes θ and weights τ² per probe.</summary>
/// <param name="Nodes">Quadrature nodes θ (Ritz values of every probe).</param>
/// <param name="Weights">Quadrature weights τ²/probes; they sum to 1.</param>
/// <param name="Sigma">Width σ of the Gaussian placed on each node.</param>
/// <param name="Probes">Number of start vectors.</param>
/// <param name="Steps">Lanczos steps per start vector.</param>
public sealed record SpectralDensity(double[] Nodes, double[] Weights, double Sigma, int Probes, int Steps)
{
    /// <summary>Density φ(x) = Σ w_i N(x; θ_i, σ²) (integrates to 1).</summary>
    public double[] Evaluate(IReadOnlyList<double> grid) => grid.Select(x =>
        Nodes.Zip(Weights).Sum(nw => nw.Second * Math.Exp(-0.5 * Math.Pow((x - nw.First) / Sigma, 2)) / (Sigma * Math.Sqrt(2 * Math.PI)))).ToArray();
}

/// <summary>Stochastic Lanczos quadrature (Ghorbani et al. 2019; Sagun et al.): spectral density of any operator.</summary>
public static class StochasticLanczosQuadrature
{
    /// <summary>The smoothed spectral density of <paramref name="op"/>: <paramref name="probes"/> seeded Rademacher start vectors, <paramref name="steps"/> Lanczos steps each (Gauss quadrature nodes and weights), Gaussians of width <paramref name="sigma"/>.</summary>
    public static SpectralDensity Run(ICurvatureOperator op, int probes, int steps, long seed, double sigma)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (probes < 1) throw new ArgumentOutOfRangeException(nameof(probes), probes, "probes must be ≥ 1");
        if (steps < 1 || steps > op.Size) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, {op.Size}]");
        Guard.PositiveFinite(sigma, nameof(sigma));
        var nodes = new List<double>();
        var weights = new List<double>();
        var gen = new torch.Generator((ulong)seed);
        for (int p = 0; p < probes; p++)
        {
            using var scope = torch.NewDisposeScope();
            var v = (torch.randint(0, 2, new[] { op.Size }, generator: gen, dtype: ScalarType.Float64) * 2 - 1).to(op.DType).to(op.Device);
            var (alpha, beta) = Tridiagonalize(op, v, steps);
            var (values, vectors) = Lanczos.Tridiagonal(alpha, beta, SpectrumEnd.SmallestAlgebraic);
            for (int i = 0; i < values.Length; i++)
            {
                nodes.Add(values[i]);
                weights.Add(Math.Pow(vectors[0, i].ToDouble(), 2) / probes);
            }
        }
        return new SpectralDensity(nodes.ToArray(), weights.ToArray(), sigma, probes, steps);
    }

    private static (List<double> Alpha, List<double> Beta) Tridiagonalize(ICurvatureOperator op, Tensor start, int steps)
    {
        var q = start / torch.linalg.vector_norm(start);
        var basis = new List<Tensor> { q };
        var alpha = new List<double>();
        var beta = new List<double>();
        double scale = 0; // largest |α|, β so far: breakdown is judged relative to it, so any scale of A works
        for (int j = 0; j < steps; j++)
        {
            var (a, b, w) = Lanczos.Step(op, basis);
            alpha.Add(a);
            scale = Math.Max(scale, Math.Max(Math.Abs(a), b));
            if (j + 1 == steps || b <= 1e-12 * scale) break;
            beta.Add(b);
            basis.Add(w / b);
        }
        return (alpha, beta);
    }
}
