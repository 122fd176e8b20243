using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>How a random d-dimensional subspace of R^P is drawn.</summary>
public enum BasisKind
{
    /// <summary>Gaussian matrix orthonormalised by QR: exactly orthonormal columns (the default).</summary>
    GaussianOrthonormal,

    /// <summary>Fort &amp; Scherlis Sec. 3: each column has n randomly placed non-zeros, each ±1/√n with equal odds; unit
    /// columns that are only nearly orthogonal (Gram off-diagonals have mean 0 and mean square 1/P).</summary>
    SparseSign,
}

/// <summary>Seeded random bases V ∈ R^{P×d} for projected curvature (paper 000 Sec. 2, Fort &amp; Scherlis Sec. 3).</summary>
public static class SubspaceBasis
{
    /// <summary>A seeded random basis V [P, d] of the chosen <paramref name="kind"/>, in <paramref name="dtype"/> on <paramref name="device"/> (CPU by default); the same seed gives the same basis on every device.</summary>
    /// <param name="parameters">P, the dimension of the parameter space.</param>
    /// <param name="dimension">d, the subspace dimension (1 ≤ d ≤ P).</param>
    /// <param name="seed">Seed of the generator (drawn on the CPU).</param>
    /// <param name="kind">How the columns are drawn.</param>
    /// <param name="dtype">dtype of the returned basis.</param>
    /// <param name="device">Device of the returned basis.</param>
    /// <param name="nonZeros">For <see cref="BasisKind.SparseSign"/>: non-zeros per column; null draws n uniformly in
    /// [1, P] per column, as Fort &amp; Scherlis do ("a random number n").</param>
    public static Tensor Create(long parameters, int dimension, long seed, BasisKind kind = BasisKind.GaussianOrthonormal,
        ScalarType dtype = ScalarType.Float64, Device? device = null, long? nonZeros = null)
    {
        TorchRuntime.EnsureLoaded();
        if (parameters < 1) throw new ArgumentOutOfRangeException(nameof(parameters), parameters, "P must be ≥ 1");
        if (dimension < 1 || dimension > parameters)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"subspace dimension d must be in [1, P = {parameters}], got {dimension}");
        if (nonZeros is { } nz && (nz < 1 || nz > parameters))
            throw new ArgumentOutOfRangeException(nameof(nonZeros), nonZeros, $"non-zeros per column must be in [1, {parameters}]");
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        Tensor basis = kind switch
        {
            BasisKind.GaussianOrthonormal => GaussianOrthonormal(parameters, dimension, gen),
            BasisKind.SparseSign => SparseSign(parameters, dimension, gen, nonZeros),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown basis kind"),
        };
        return basis.to(dtype).to(device ?? torch.CPU).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Checks that <paramref name="basis"/> can serve as the basis V of a d-dimensional subspace of R^P: shape [P, d]
    /// with d ≥ 1, the given dtype and device, and finite entries. Every consumer of a basis (projected curvature,
    /// projected operators, random surfaces) calls this one check.
    /// </summary>
    /// <param name="basis">The candidate basis.</param>
    /// <param name="parameters">P, the dimension of the parameter space.</param>
    /// <param name="dtype">The dtype the consumer computes in.</param>
    /// <param name="device">The device the consumer computes on.</param>
    /// <param name="name">Argument name reported in the exception.</param>
    /// <returns><paramref name="basis"/>, unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="basis"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape, dtype or device is wrong, or an entry is NaN or ±Inf.</exception>
    public static Tensor Validate(Tensor basis, long parameters, ScalarType dtype, Device device, string name = "basis")
    {
        ArgumentNullException.ThrowIfNull(basis, name);
        if (basis.dim() != 2 || basis.shape[0] != parameters || basis.shape[1] == 0)
            throw new ArgumentException($"{name} must have shape [{parameters}, d] with d ≥ 1, got [{string.Join(", ", basis.shape)}]", name);
        Guard.SameDTypeAndDevice(basis, dtype, device, name);
        Guard.Finite(basis, name);
        return basis;
    }

    private static Tensor GaussianOrthonormal(long p, int d, torch.Generator gen)
    {
        var g = torch.randn(new[] { p, d }, dtype: ScalarType.Float64, generator: gen);
        var (q, r) = torch.linalg.qr(g);
        // Fix the sign ambiguity of QR so the basis is a deterministic function of the seed (diag(R) > 0).
        return q * torch.sign(torch.diagonal(r)).unsqueeze(0);
    }

    private static Tensor SparseSign(long p, int d, torch.Generator gen, long? nonZeros)
    {
        var basis = torch.zeros(new[] { p, (long)d }, dtype: ScalarType.Float64);
        for (int j = 0; j < d; j++)
        {
            long n = nonZeros ?? torch.randint(1, p + 1, new long[] { 1 }, generator: gen).item<long>();
            var rows = torch.randperm(p, generator: gen).narrow(0, 0, n);
            var signs = torch.randint(0, 2, new[] { n }, generator: gen, dtype: ScalarType.Float64) * 2 - 1;
            basis[rows, j] = signs / Math.Sqrt(n);
        }
        return basis;
    }
}
