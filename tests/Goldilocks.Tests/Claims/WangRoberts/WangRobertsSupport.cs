using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>A DLN case: parameters in tenths (readable when shrunk) and the degree q of z = Θ^q.</summary>
public sealed record DlnCase(int[] Tenths, int Q)
{
    public double[] Theta => Tenths.Select(t => t / 10.0).ToArray();
    public EvenPolynomialLoss Z => EvenPolynomialLoss.Monomial(Q);
    public override string ToString() => $"θ = [{string.Join(", ", Theta)}], z = Θ^{Q}";
}

/// <summary>FsCheck arbitraries for the Wang &amp; Roberts properties.</summary>
public static class WangRobertsArbitraries
{
    private static Gen<int> Tenth => Gen.Choose(3, 25).SelectMany(m => Gen.Elements(m, -m));

    public static Arbitrary<DlnCase> DlnCases() => Arb.From(
        Gen.Choose(2, 5).SelectMany(n => Gen.ArrayOf(Tenth, n)).SelectMany(t => Gen.Elements(2, 4, 6).Select(q => new DlnCase(t, q))),
        c => Shrink(c));

    private static IEnumerable<DlnCase> Shrink(DlnCase c)
    {
        if (c.Q > 2) yield return c with { Q = 2 };
        if (c.Tenths.Length > 2) yield return c with { Tenths = c.Tenths[..^1] };
        for (int i = 0; i < c.Tenths.Length; i++)
            if (Math.Abs(c.Tenths[i]) != 10) yield return c with { Tenths = c.Tenths.Select((t, j) => j == i ? Math.Sign(t) * 10 : t).ToArray() };
    }
}

/// <summary>Independent oracles: TorchSharp autograd on z(Π θ_k) and a dense symmetric eigen-solver.</summary>
public static class WangRobertsOracle
{
    /// <summary>Gradient and dense Hessian of z(Θ(θ)) by autograd (row by row).</summary>
    public static (double[] Gradient, Tensor Hessian) Derivatives(EvenPolynomialLoss z, double[] theta)
    {
        using var scope = torch.NewDisposeScope();
        var (g, h) = AutogradHessian.WithGradient(leaf => z.Apply(DiagonalLinearNetwork.Product(leaf)), torch.tensor(theta, dtype: ScalarType.Float64));
        return (g.data<double>().ToArray(), h.MoveToOuterDisposeScope());
    }

    /// <summary>One GD step computed from the autograd gradient.</summary>
    public static double[] Step(EvenPolynomialLoss z, double[] theta, double eta)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = torch.tensor(theta, dtype: ScalarType.Float64).requires_grad_(true);
        var g = SafeAutograd.Grad(z.Apply(DiagonalLinearNetwork.Product(leaf)), leaf).data<double>().ToArray();
        return theta.Select((t, k) => t - eta * g[k]).ToArray();
    }

    /// <summary>Top eigenpair of the autograd Hessian (eigh).</summary>
    public static (double Value, double[] Vector, double[] All) Top(EvenPolynomialLoss z, double[] theta)
    {
        using var scope = torch.NewDisposeScope();
        var (_, h) = Derivatives(z, theta);
        var e = SymmetricEigen.Decompose(h);
        int n = theta.Length;
        return (e.Eigenvalues[n - 1], e.Eigenvectors[.., n - 1].contiguous().data<double>().ToArray(), e.Eigenvalues);
    }

    /// <summary>|u₁/u₂| of the autograd Hessian's top eigenvector (two parameters).</summary>
    public static double AlignmentWithTheta1(EvenPolynomialLoss z, double theta1, double theta2)
    {
        var v = Top(z, new[] { theta1, theta2 }).Vector;
        return Math.Abs(v[0] / v[1]);
    }

    public static double[,] ToArray(Tensor m)
    {
        int n = (int)m.shape[0];
        var a = new double[n, n];
        var flat = m.contiguous().data<double>().ToArray();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = flat[i * n + j];
        return a;
    }

    public static Tensor ToTensor(double[,] a) => torch.tensor(a, dtype: ScalarType.Float64);

    public static double Cosine(double[] a, double[] b) =>
        Math.Abs(a.Zip(b, (x, y) => x * y).Sum()) / Math.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));
}
