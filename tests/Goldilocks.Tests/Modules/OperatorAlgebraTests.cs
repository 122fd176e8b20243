using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Modules;

/// <summary>Sums, differences, multiples and delegate operators against explicit matrices, and H − G = H-term.</summary>
public sealed class OperatorAlgebraTests
{
    private static Tensor Symmetric(int n, long seed) => EngineCases.SymmetricWithSpectrum(Enumerable.Range(0, n).Select(i => Math.Sin(seed + i) * 3).ToArray(), seed);

    [Test]
    public void Sum_difference_scaling_and_delegate_match_dense_matrices()
    {
        using var scope = torch.NewDisposeScope();
        var a = Symmetric(7, 1);
        var b = Symmetric(7, 2);
        var opA = new MatrixOperator(a);
        var opB = new MatrixOperator(b);
        var v = EngineCases.Gaussian(7, 3);
        ClaimAssert.Close(EngineCases.Engine, "A + B", opA.Plus(opB).Apply(v), a.matmul(v) + b.matmul(v), 1e-14);
        ClaimAssert.Close(EngineCases.Engine, "A − B", opA.Minus(opB).Apply(v), a.matmul(v) - b.matmul(v), 1e-14);
        ClaimAssert.Close(EngineCases.Engine, "−2.5 A", opA.Scale(-2.5).Apply(v), a.matmul(v) * -2.5, 1e-14);
        var lambda = new DelegateOperator(7, x => b.matmul(x));
        ClaimAssert.Close(EngineCases.Engine, "delegate", lambda.Apply(v), b.matmul(v), 1e-14);
        var combined = opA.Scale(0.5).Plus(lambda).Minus(opB.Scale(3));
        ClaimAssert.Close(EngineCases.Engine, "dense(0.5A + B − 3B)", DenseMaterializer.Materialize(combined), a * 0.5 - b * 2, 1e-14);
        Lanczos.Run(opA.Minus(opA.Scale(0.25)), k: 1).Top.Should().BeApproximately(0.75 * torch.linalg.eigvalsh(a).max().ToDouble(), 1e-10);
    }

    [Test]
    public void Mismatched_operands_and_bad_delegates_are_refused()
    {
        using var scope = torch.NewDisposeScope();
        var a = new MatrixOperator(Symmetric(4, 1));
        var b = new MatrixOperator(Symmetric(5, 2));
        var a32 = new MatrixOperator(Symmetric(4, 1).to(ScalarType.Float32));
        FluentActions.Invoking(() => a.Plus(b)).Should().Throw<ArgumentException>().WithMessage("*operator 1 (MatrixOperator) has size 5, operator 0 (MatrixOperator) has 4*");
        FluentActions.Invoking(() => a.Minus(a32)).Should().Throw<ArgumentException>().WithMessage("*dtype Float32*");
        FluentActions.Invoking(() => a.Scale(double.NaN)).Should().Throw<ArgumentException>().WithMessage("*coefficient 0 must be finite*");
        FluentActions.Invoking(() => a.Plus(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new DelegateOperator(0, x => x)).Should().Throw<ArgumentOutOfRangeException>();
        var v = EngineCases.Gaussian(4, 1);
        FluentActions.Invoking(() => new DelegateOperator(4, x => torch.cat(new[] { x, x })).Apply(v)).Should().Throw<InvalidOperationException>().WithMessage("*shape [8]*");
        FluentActions.Invoking(() => new DelegateOperator(4, x => x).Apply(v)).Should().Throw<InvalidOperationException>().WithMessage("*returned its input*");
        FluentActions.Invoking(() => new DelegateOperator(4, x => x.to(ScalarType.Float32)).Apply(v)).Should().Throw<InvalidOperationException>().WithMessage("*Float32*");
        FluentActions.Invoking(() => new DelegateOperator(4, x => x / 0.0).Apply(v)).Should().Throw<OverflowException>();
        FluentActions.Invoking(() => a.Plus(a).Apply(EngineCases.Gaussian(5, 1))).Should().Throw<ArgumentException>().WithMessage("*shape [4]*");
    }

    private const int Directions = 24;

    [TestCase("LeakyReLU-MLP-bias", false)]
    [TestCase("LeakyReLU-MLP-bias", true)]
    [TestCase("DeepLinear", true)]
    public void Hessian_minus_GTerm_is_the_HTerm(string name, bool module)
    {
        using var c = ModuleCases.Create(name, samples: 16);
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(module ? c.ModuleObjective(temperature: 0.7) : c.FlatObjective(temperature: 0.7), c.Theta);
        // On Directions Gaussian directions V (P ≈ 600, so the dense matrices would cost 3P products): (H − G)V and the
        // H-term V are computed by different graphs; they agree to the round-off of the subtraction.
        var v = torch.randn(new long[] { c.Flat.ParameterCount, Directions }, dtype: ScalarType.Float64, generator: new torch.Generator(17));
        var difference = new HessianOperator(point).Minus(new GTermOperator(point)).ApplyColumns(v);
        var hTerm = new HTermOperator(point).ApplyColumns(v);
        var scale = new HessianOperator(point).ApplyColumns(v).norm().ToDouble();
        double error = (difference - hTerm).norm().ToDouble() / scale;
        TestContext.Out.WriteLine($"{name} ({(module ? "module" : "flat")}): ‖(H − G)V − H-term V‖ / ‖HV‖ = {error:E2}, ‖H-term V‖ / ‖HV‖ = {hTerm.norm().ToDouble() / scale:E2}");
        error.Should().BeLessThan(1e-14);
        (hTerm.norm().ToDouble() / scale).Should().BeGreaterThan(1e-3, "the H-term is not negligible, so the comparison has something to compare");
    }
}
