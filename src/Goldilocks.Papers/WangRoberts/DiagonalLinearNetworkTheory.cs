namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// Closed forms for the n-parameter diagonal linear network L(θ) = z(Θ), Θ = Π_k θ_k (Wang &amp; Roberts Sec. 3.1,
/// App. C). Derivatives are written with the partial products P_k = Π_{i≠k} θ_i = Θ/θ_k, so they stay finite when
/// a parameter is zero:
///   ∂L/∂θ_k = z' P_k,   H_jk = z'' P_j P_k + z' Π_{i≠j,k} θ_i (j ≠ k),   H_kk = z'' P_k²,
/// which for Θ ≠ 0 is App. C's H_jk = D/(θ_jθ_k) − z'Θ δ_jk/θ_j² with D = z''Θ² + z'Θ.
/// </summary>
public static class DiagonalLinearNetworkTheory
{
    /// <summary>Θ = Π_k θ_k, the network output.</summary>
    public static double Product(IReadOnlyList<double> theta)
    {
        Check(theta);
        return theta.Aggregate(1.0, (a, t) => a * t);
    }

    /// <summary>P_k = Π_{i≠k} θ_i = ∂Θ/∂θ_k (the gradient of the network output).</summary>
    public static double[] PartialProducts(IReadOnlyList<double> theta) =>
        Enumerable.Range(0, Check(theta).Count).Select(k => ProductExcept(theta, k, -1)).ToArray();

    /// <summary>L(θ) = z(Θ).</summary>
    public static double Loss(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(z);
        return z.Value(Product(theta));
    }

    /// <summary>∇L = z'(Θ) ∇Θ.</summary>
    public static double[] Gradient(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(z);
        double zp = z.First(Product(theta));
        return PartialProducts(theta).Select(p => zp * p).ToArray();
    }

    /// <summary>The loss Hessian (App. C; Eq. 4 for n = 2).</summary>
    public static double[,] Hessian(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(z);
        int n = Check(theta).Count;
        double big = Product(theta), zp = z.First(big), zpp = z.Second(big);
        var p = PartialProducts(theta);
        var h = new double[n, n];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < n; k++)
                h[j, k] = j == k ? zpp * p[j] * p[j] : zpp * p[j] * p[k] + zp * ProductExcept(theta, j, k);
        return h;
    }

    /// <summary>One gradient-descent step θ − η∇L.</summary>
    public static double[] Step(EvenPolynomialLoss z, IReadOnlyList<double> theta, double learningRate)
    {
        var g = Gradient(z, theta);
        return theta.Select((t, k) => t - learningRate * g[k]).ToArray();
    }

    /// <summary>D = z''Θ² + z'Θ of App. C.</summary>
    public static double D(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(z);
        double big = Product(theta);
        return z.Second(big) * big * big + z.First(big) * big;
    }

    /// <summary>
    /// λ₁ from the secular equation of H = D wwᵀ − z'Θ diag(w²), w_k = 1/θ_k: 1 = D Σ_k w_k² / (λ + z'Θ w_k²).
    /// The right side decreases in λ; λ₁ is its root in [max_k H_kk, D‖w‖²] (found by bisection to round-off).
    /// Independent of any matrix eigen-solver. Needs every θ_k ≠ 0.
    /// </summary>
    public static double TopEigenvalue(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        var w = InverseParameters(theta);
        double big = Product(theta), d = D(z, theta), e = z.First(big) * big;
        double lo = w.Max(x => z.Second(big) * big * big * x * x), hi = d * w.Sum(x => x * x);
        for (int i = 0; i < 200 && hi > lo; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double f = d * w.Sum(x => x * x / (mid + e * x * x));
            if (f > 1) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Components of an eigenvector for eigenvalue λ (App. C Eq. 8): (λ + z'Θ/θ_k²) u_k θ_k = C, so
    /// u_k ∝ 1/(λθ_k + z'Θ/θ_k). Returned with unit norm and u·∇Θ ≥ 0. A λ = −z'Θ/θ_k², a pole of the secular
    /// equation (an eigenvalue shared by equal |θ_k|, whose eigenvectors Eq. 8 does not give), is refused.
    /// </summary>
    public static double[] EigenvectorFor(EvenPolynomialLoss z, IReadOnlyList<double> theta, double lambda)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (!double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be finite");
        double big = Product(theta), e = z.First(big) * big;
        var denominators = InverseParameters(theta).Select((w, k) => lambda * theta[k] + e * w).ToArray();
        if (Array.IndexOf(denominators, 0.0) is var pole and >= 0)
            throw new ArgumentException($"λ = {lambda:R} is the pole −z'Θ/θ_k² of k = {pole}: App. C Eq. 8 gives no eigenvector there", nameof(lambda));
        var u = denominators.Select(d => 1.0 / d).ToArray();
        double norm = Math.Sqrt(u.Sum(x => x * x));
        double sign = Math.Sign(u.Zip(PartialProducts(theta), (a, b) => a * b).Sum());
        return u.Select(x => (sign == 0 ? 1 : sign) * x / norm).ToArray();
    }

    /// <summary>v₁, the top eigenvector in closed form.</summary>
    public static double[] TopEigenvector(EvenPolynomialLoss z, IReadOnlyList<double> theta) =>
        EigenvectorFor(z, theta, TopEigenvalue(z, theta));

    /// <summary>
    /// A proven lower bound on |cos(v₁, ∇Θ)| (the paper's "v₁ ≈ ∇Θ/‖∇Θ‖", App. C Eq. 10): u = C w with the
    /// positive diagonal C_k = 1/(λ₁ + z'Θ w_k²), whose condition number is at most κ = 1 + z'Θ max_k w_k²/λ₁, so
    /// the Kantorovich inequality gives cos ≥ 2√κ/(1+κ). Since λ₁ ≥ max_k H_kk = z''Θ² max_k w_k², κ ≤ 1 + z'/(z''Θ),
    /// which is q/(q−1) for z = Θ^q and at most 2 for any even polynomial z.
    /// </summary>
    public static double GradientAlignmentLowerBound(EvenPolynomialLoss z, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(z);
        double big = Product(theta);
        double kappa = 1 + z.First(big) * big * InverseParameters(theta).Max(w => w * w) / TopEigenvalue(z, theta);
        return 2 * Math.Sqrt(kappa) / (1 + kappa);
    }

    /// <summary>The same bound from κ = 1 + z'/(z''Θ) alone (no eigenvalue needed).</summary>
    public static double GradientAlignmentUniformBound(EvenPolynomialLoss z, double output)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (!double.IsFinite(output) || output == 0)
            throw new ArgumentOutOfRangeException(nameof(output), output, "the uniform bound needs a finite non-zero output Θ (κ = 1 + z'/(z''Θ))");
        double kappa = 1 + z.First(output) / (z.Second(output) * output);
        return 2 * Math.Sqrt(kappa) / (1 + kappa);
    }

    private static double[] InverseParameters(IReadOnlyList<double> theta)
    {
        if (Check(theta).Any(t => t == 0))
            throw new ArgumentException("every θ_k must be non-zero for the App. C eigen-structure (the Hessian degenerates at Θ = 0)", nameof(theta));
        return theta.Select(t => 1.0 / t).ToArray();
    }

    private static double ProductExcept(IReadOnlyList<double> theta, int a, int b)
    {
        double p = 1;
        for (int i = 0; i < theta.Count; i++) if (i != a && i != b) p *= theta[i];
        return p;
    }

    private static IReadOnlyList<double> Check(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count < 1) throw new ArgumentException("a DLN needs at least one parameter", nameof(theta));
        if (theta.Any(t => !double.IsFinite(t))) throw new ArgumentException("θ contains NaN or infinite values", nameof(theta));
        return theta;
    }
}
