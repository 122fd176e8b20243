
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Paper 000 Eq. 4 on dense matrices: H = G + H-term with the three operators computed independently (H by double
/// backward of the loss, G by J v / Jᵀu passes, H-term as the Hessian of r·f with r frozen); G is symmetric PSD; for
/// piecewise-linear networks the H-term has zero diagonal layer blocks, so Tr(H-term) = 0 (Appendix A).
/// </summary>
public sealed class GaussNewtonSplitTests
{
    private static readonly double[] Temperatures = { 0.25, 1.0, 4.0 };

    public static IEnumerable<TestCaseData> ArchitecturesAndTemperatures() =>
        EngineCases.DenseArchitectures.SelectMany(a => Temperatures.Select(t => new TestCaseData(a, t)));

    private static (Tensor H, Tensor G, Tensor HTerm) Split(EngineCase c, double temperature, long batchSize = 5)
    {
        using var scope = torch.NewDisposeScope();
        using var point = new LinearizationPoint(c.Objective(temperature, batchSize), c.Theta);
        return (DenseMaterializer.Materialize(new HessianOperator(point)).MoveToOuterDisposeScope(),
            DenseMaterializer.Materialize(new GTermOperator(point)).MoveToOuterDisposeScope(),
            DenseMaterializer.Materialize(new HTermOperator(point)).MoveToOuterDisposeScope());
    }

    /// <summary>Round-off only (each entry is a sum of O(P·N) float64 products): 1e-10 relative.</summary>
    [Claim("G3")]
    [TestCaseSource(nameof(ArchitecturesAndTemperatures))]
    public void Hessian_equals_GTerm_plus_HTerm(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (h, g, hterm) = Split(c, temperature);
        ClaimAssert.Close("G3", $"{architecture}, T = {temperature}: H = G + H-term", g + hterm, h, 1e-10);
    }

    /// <summary>G = (1/N)Σ JᵀMJ with M = [diag(p) - ppᵀ]/T² ⪰ 0, so G is symmetric PSD: asymmetry ≤ 1e-12 relative and
    /// λ_min ≥ -1e-12·λ_max (eigvalsh's backward error is ≈ ε‖G‖₂).</summary>
    [Claim("G6")]
    [TestCaseSource(nameof(ArchitecturesAndTemperatures))]
    public void GTerm_is_symmetric_positive_semidefinite(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (_, g, _) = Split(c, temperature);
        double asymmetry = ClaimAssert.RelativeError(g.t(), g);
        ClaimAssert.That("G6", asymmetry <= 1e-12, $"{architecture}, T = {temperature}: ‖G - Gᵀ‖/‖G‖ = {asymmetry:E3}");
        var eig = SymmetricEigen.Eigenvalues(g);
        double min = eig[0], max = eig[^1];
        ClaimAssert.That("G6", max > 0 && min >= -1e-12 * max, $"{architecture}, T = {temperature}: λ_min(G) = {min:E3}, λ_max(G) = {max:E3}");
    }

    /// <summary>
    /// In a network that is piecewise linear in each layer's parameters (ReLU, LeakyReLU, identity), ∂²z/∂θ_l² = 0 for
    /// every layer l, so the H-term's diagonal layer blocks vanish and Tr(H-term) = 0, Tr(H) = Tr(G). This holds with
    /// biases too (z is affine in (W_l, b_l) jointly), which the paper's "bias-free" premise does not need.
    /// Checked: every diagonal block ≤ 1e-12‖H-term‖_F and |Tr(H-term)| ≤ 1e-12‖H-term‖_F.
    /// </summary>
    [Claim("G7")]
    [TestCase("MLP-ReLU", 1.0)]
    [TestCase("MLP-ReLU", 0.25)]
    [TestCase("MLP-LeakyReLU", 1.0)]
    [TestCase("DeepLinear", 4.0)]
    [TestCase("MLP-ReLU-bias", 1.0)]
    public void HTerm_of_a_piecewise_linear_network_has_zero_diagonal_layer_blocks_and_zero_trace(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (h, g, hterm) = Split(c, temperature);
        double norm = hterm.norm().item<double>(), trace = torch.trace(hterm).item<double>();
        TestContext.Out.WriteLine($"{architecture}, T = {temperature}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3}, Tr(G) = {torch.trace(g).item<double>():E6}");
        ClaimAssert.That("G7", norm > 0, $"{architecture}: the H-term is zero, the check would be vacuous");
        foreach (var layer in c.Model.Blocks.GroupBy(b => b.Layer))
        {
            long start = layer.Min(b => b.Offset), count = layer.Sum(b => b.Count);
            double block = hterm.narrow(0, start, count).narrow(1, start, count).norm().item<double>();
            ClaimAssert.That("G7", block <= 1e-12 * norm, $"{architecture}: layer {layer.Key} diagonal block of the H-term has norm {block:E3} (‖H-term‖_F = {norm:E3})");
        }
        ClaimAssert.That("G7", Math.Abs(trace) <= 1e-12 * norm, $"{architecture}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3}");
        ClaimAssert.Close("G7", $"{architecture}: Tr(H) = Tr(G)", torch.trace(h).item<double>(), torch.trace(g).item<double>(), 1e-10);
    }

    /// <summary>Negative control: tanh has tanh'' ≠ 0, so the H-term's diagonal does not vanish.</summary>
    [Claim("G7")]
    [Category(Categories.NegativeControl)]
    [TestCase("MLP-Tanh")]
    [TestCase("MLP-Tanh-bias")]
    public void HTerm_trace_of_a_tanh_network_is_not_zero(string architecture)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (_, _, hterm) = Split(c, 1.0);
        double norm = hterm.norm().item<double>(), trace = torch.trace(hterm).item<double>();
        TestContext.Out.WriteLine($"{architecture}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3}");
        ClaimAssert.That("G7", Math.Abs(trace) > 1e-3 * norm, $"{architecture}: Tr(H-term) = {trace:E3} is not distinguishable from 0 (‖H-term‖_F = {norm:E3})");
    }
}
