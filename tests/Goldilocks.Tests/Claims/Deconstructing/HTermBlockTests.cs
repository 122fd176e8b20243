using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G7: for bias-free ReLU-type nets the H-term has zero per-layer diagonal blocks, so Tr(H-term) = 0 and
/// Tr(H) = Tr(G) ≥ 0 (Appendix A, after Pennington &amp; Bahri 2017).</summary>
[Claim("G7")]
public sealed class HTermBlockTests
{
    /// <summary>Largest ‖diagonal block‖_F / ‖H-term‖_F over the weight layers; 0 when the H-term is exactly zero
    /// (a dead ReLU net, which FsCheck generates: 0/0 must not read as a NaN failure).</summary>
    private static double LargestDiagonalBlock(FlatModel model, Tensor hterm)
    {
        double norm = hterm.norm().item<double>();
        if (norm == 0) return 0;
        return model.Blocks.GroupBy(b => b.Layer).Max(layer =>
        {
            long start = layer.Min(b => b.Offset), count = layer.Sum(b => b.Count);
            return hterm.narrow(0, start, count).narrow(1, start, count).norm().item<double>() / norm;
        });
    }

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G7Constants.PropertyCases)]
    public void HTerm_diagonal_blocks_vanish_and_traces_agree(NetCase net, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var dense = DenseCurvature.At(model, data, net.Theta(model), t.Tau);
        string where = $"{net}, T = {t.Tau:G4}";
        double block = LargestDiagonalBlock(model, dense.HTerm);
        ClaimAssert.That("G7", block <= G7Constants.Rtol, $"largest per-layer diagonal block of the H-term is {block:E3} of ‖H-term‖_F, {where}; Rtol = {G7Constants.Rtol}");
        double trH = torch.trace(dense.Hessian).item<double>(), trG = torch.trace(dense.GTerm).item<double>();
        double trHt = torch.trace(dense.HTerm).item<double>(), scale = dense.HTerm.norm().item<double>();
        ClaimAssert.That("G7", Math.Abs(trHt) <= G7Constants.Rtol * scale, $"Tr(H-term) = {trHt:E3} (‖H-term‖_F = {scale:E3}), {where}; Rtol = {G7Constants.Rtol}");
        ClaimAssert.Close("G7", $"Tr(H) = Tr(G), {where}", trH, trG, G7Constants.TraceRtol);
        ClaimAssert.That("G7", trG >= 0, $"Tr(G) = {trG:E3} < 0, {where}");
    }

    [Test]
    [Category(Categories.NegativeControl)]
    public void Tanh_breaks_the_zero_diagonal_blocks()
    {
        using var scope = torch.NewDisposeScope();
        var net = new NetCase(3, new[] { 4, 3 }, Activation.Tanh, 3, 6, 3);
        var model = net.Model();
        using var data = net.Data();
        var dense = DenseCurvature.At(model, data, net.Theta(model), 1.0);
        double block = LargestDiagonalBlock(model, dense.HTerm);
        double trHt = torch.trace(dense.HTerm).item<double>() / dense.HTerm.norm().item<double>();
        TestContext.Out.WriteLine($"[G7 control] tanh: largest diagonal block {block:E3}, Tr(H-term)/‖H-term‖_F = {trHt:E3}");
        ClaimAssert.That("G7", block > G7Constants.MinTanhBlock && Math.Abs(trHt) > G7Constants.MinTanhTrace, $"tanh should give non-zero diagonal blocks, got {block:E3} (need > {G7Constants.MinTanhBlock}) and trace ratio {trHt:E3} (need |·| > {G7Constants.MinTanhTrace})");
    }

    /// <summary>
    /// In a network that is piecewise linear in each layer's parameters (ReLU, LeakyReLU, identity), ∂²z/∂θ_l² = 0 for
    /// every layer l, so the H-term's diagonal layer blocks vanish and Tr(H-term) = 0, Tr(H) = Tr(G). This holds with
    /// biases too (z is affine in (W_l, b_l) jointly), which the paper's "bias-free" premise does not need.
    /// Checked: every diagonal block and |Tr(H-term)| at most <see cref="G7Constants.Rtol"/>‖H-term‖_F.
    /// </summary>
    [TestCase("MLP-ReLU", 1.0)]
    [TestCase("MLP-ReLU", 0.25)]
    [TestCase("MLP-LeakyReLU", 1.0)]
    [TestCase("DeepLinear", 4.0)]
    [TestCase("MLP-ReLU-bias", 1.0)]
    public void HTerm_of_a_piecewise_linear_network_has_zero_diagonal_layer_blocks_and_zero_trace(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (h, g, hterm) = DenseCurvature.At(c.Model, c.Data, c.Theta, temperature, batchSize: 5);
        double norm = hterm.norm().item<double>(), trace = torch.trace(hterm).item<double>();
        TestContext.Out.WriteLine($"{architecture}, T = {temperature}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3}, Tr(G) = {torch.trace(g).item<double>():E6}");
        ClaimAssert.That("G7", norm > 0, $"{architecture}: the H-term is zero, the check would be vacuous");
        foreach (var layer in c.Model.Blocks.GroupBy(b => b.Layer))
        {
            long start = layer.Min(b => b.Offset), count = layer.Sum(b => b.Count);
            double block = hterm.narrow(0, start, count).narrow(1, start, count).norm().item<double>();
            ClaimAssert.That("G7", block <= G7Constants.Rtol * norm, $"{architecture}: layer {layer.Key} diagonal block of the H-term has norm {block:E3} > {G7Constants.Rtol} ‖H-term‖_F (‖H-term‖_F = {norm:E3})");
        }
        ClaimAssert.That("G7", Math.Abs(trace) <= G7Constants.Rtol * norm, $"{architecture}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3} (|Tr| must be ≤ {G7Constants.Rtol} ‖H-term‖_F)");
        ClaimAssert.Close("G7", $"{architecture}: Tr(H) = Tr(G)", torch.trace(h).item<double>(), torch.trace(g).item<double>(), G7Constants.TraceRtol);
    }


    /// <summary>Negative control: tanh has tanh'' ≠ 0, so the H-term's diagonal does not vanish.</summary>
    [Category(Categories.NegativeControl)]
    [TestCase("MLP-Tanh")]
    [TestCase("MLP-Tanh-bias")]
    public void HTerm_trace_of_a_tanh_network_is_not_zero(string architecture)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var hterm = DenseCurvature.At(c.Model, c.Data, c.Theta, 1.0, batchSize: 5).HTerm;
        double norm = hterm.norm().item<double>(), trace = torch.trace(hterm).item<double>();
        TestContext.Out.WriteLine($"{architecture}: Tr(H-term) = {trace:E3}, ‖H-term‖_F = {norm:E3}");
        ClaimAssert.That("G7", Math.Abs(trace) > G7Constants.MinTanhTrace * norm, $"{architecture}: Tr(H-term) = {trace:E3} is not distinguishable from 0 (‖H-term‖_F = {norm:E3}, need |Tr| > {G7Constants.MinTanhTrace} ‖H-term‖_F)");
    }
}
