
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G7: for bias-free ReLU-type nets the H-term has zero per-layer diagonal blocks, so Tr(H-term) = 0 and
/// Tr(H) = Tr(G) ≥ 0 (Appendix A, after Pennington &amp; Bahri 2017).</summary>
[Claim("G7")]
public sealed class HTermBlockTests
{
    private const double Rtol = 1e-12;

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

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = 6)]
    public void HTerm_diagonal_blocks_vanish_and_traces_agree(NetCase net, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var dense = DenseCurvature.At(model, data, net.Theta(model), t.Tau);
        string where = $"{net}, T = {t.Tau:G4}";
        double block = LargestDiagonalBlock(model, dense.HTerm);
        ClaimAssert.That("G7", block <= Rtol, $"largest per-layer diagonal block of the H-term is {block:E3} of ‖H-term‖_F, {where}");
        double trH = torch.trace(dense.Hessian).item<double>(), trG = torch.trace(dense.GTerm).item<double>();
        double trHt = torch.trace(dense.HTerm).item<double>(), scale = dense.HTerm.norm().item<double>();
        ClaimAssert.That("G7", Math.Abs(trHt) <= Rtol * scale, $"Tr(H-term) = {trHt:E3} (‖H-term‖_F = {scale:E3}), {where}");
        ClaimAssert.Close("G7", $"Tr(H) = Tr(G), {where}", trH, trG, 1e-10);
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
        ClaimAssert.That("G7", block > 1e-2 && Math.Abs(trHt) > 1e-3, $"tanh should give non-zero diagonal blocks, got {block:E3} and trace ratio {trHt:E3}");
    }
}
