namespace Goldilocks.Benchmarks;

/// <summary>
/// Floating-point operations of the matrix products of one Hessian-vector product of a bias-free MLP (Pearlmutter's
/// R-operator count; elementwise work ignored). For a layer a → b on n samples (nab multiply-adds = 2nab FLOPs per
/// matmul): forward 1 matmul, R-forward 2 (W ż + Ẇ z), backward 2 (δW, δᵀz), R-backward 4; the first layer has no
/// input tangent and needs no input gradient, so it has 4 matmuls instead of 9.
/// </summary>
internal static class Flops
{
    public static double MlpHessianVectorProduct(int samples, IReadOnlyList<int> widths)
    {
        double total = 0;
        for (int l = 0; l + 1 < widths.Count; l++)
        {
            double nab = (double)samples * widths[l] * widths[l + 1];
            total += (l == 0 ? 4 : 9) * 2 * nab;
        }
        return total;
    }

    public static double FirstLayerMatmul(int samples, int inputs, int outputs) => 2.0 * samples * inputs * outputs;
}
