using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>
/// <see cref="IEigenSolver"/> that tracks the top eigenpairs of a slowly changing operator cheaply: each call runs
/// <see cref="SubspaceIteration"/> for a fixed number of block products, started from the block the previous call
/// ended with (the first call starts from the QR of a seeded Gaussian [n, b] matrix). The Hessian changes little per
/// gradient step, so the warm start converges over consecutive steps at b × iterations products per step (Cohen et
/// al. 2021 track sharpness with Lanczos every few steps instead). The block is state: give every run its own
/// instance, and dispose it after the run.
/// </summary>
public sealed class WarmStartedSubspaceIteration : IEigenSolver, IDisposable
{
    private Tensor? block;

    /// <summary>Creates a solver with block width <paramref name="blockSize"/> (≥ 1; extra columns beyond the k
    /// wanted speed up convergence of the top k) and <paramref name="iterations"/> block products per call.</summary>
    /// <param name="blockSize">Block width b.</param>
    /// <param name="iterations">Block products per call (≥ 1).</param>
    /// <param name="seed">Seed of the first block.</param>
    /// <param name="tolerance">Relative residual tolerance that <see cref="EigenResult.Converged"/> reports against.</param>
    public WarmStartedSubspaceIteration(int blockSize = 3, int iterations = 2, long seed = 0, double tolerance = 1e-8)
    {
        if (blockSize < 1) throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "the block needs at least one column");
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "iterations must be ≥ 1");
        Guard.PositiveFinite(tolerance, nameof(tolerance));
        BlockSize = blockSize;
        Iterations = iterations;
        Seed = seed;
        Tolerance = tolerance;
    }

    /// <summary>Block width b: every call returns b Ritz pairs.</summary>
    public int BlockSize { get; }

    /// <summary>Block products per call.</summary>
    public int Iterations { get; }

    /// <summary>Seed of the first block.</summary>
    public long Seed { get; }

    /// <summary>Relative residual tolerance reported by <see cref="EigenResult.Converged"/>.</summary>
    public double Tolerance { get; }

    /// <summary>All <see cref="BlockSize"/> Ritz pairs (descending) after <see cref="Iterations"/> block products
    /// from the previous block; needs k ≤ b ≤ n.</summary>
    public EigenResult Solve(ICurvatureOperator op, int k)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (k < 1 || BlockSize < k || BlockSize > op.Size)
            throw new ArgumentOutOfRangeException(nameof(k), $"need 1 ≤ k ({k}) ≤ block size ({BlockSize}) ≤ n ({op.Size})");
        if (block is not null && block.shape[0] != op.Size)
            throw new ArgumentException($"the operator has size {op.Size} but the warm-start block was built for {block.shape[0]}: use one solver per run", nameof(op));
        block ??= torch.linalg.qr(torch.randn(new[] { op.Size, (long)BlockSize }, dtype: ScalarType.Float64,
            generator: new torch.Generator((ulong)Seed)).to(op.DType).to(op.Device)).Q.DetachFromDisposeScope();
        var result = SubspaceIteration.Run(op, block, Iterations, Tolerance, out var next);
        block.Dispose();
        block = next.DetachFromDisposeScope();
        return result;
    }

    /// <summary>Releases the warm-start block.</summary>
    public void Dispose()
    {
        block?.Dispose();
        block = null;
    }
}
