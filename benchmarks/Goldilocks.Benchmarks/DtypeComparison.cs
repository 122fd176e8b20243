using System.Text;
using Goldilocks.Curvature;
using Goldilocks.Runtime;
using Goldilocks.Spectral;

namespace Goldilocks.Benchmarks;

/// <summary>
/// float64 against float32 on LeNet-5 (conv-bound: libtorch's float64 CPU convolutions take the slow path): one projection
/// of H, G-term and H-term at d = 20 on the first N FashionMNIST images, timed as interleaved pairs (float64, float32, …)
/// at the same θ and basis (the float64 ones rounded to float32), with the positive curvature Tr/‖·‖_F each dtype gives.
/// </summary>
internal static class DtypeComparison
{
    public const int Dimension = 20;

    public static void Run(string outDir, int samples, int pairs)
    {
        using var w64 = Workload.Create(Workload.LeNet5Name, samples);
        using var w32 = Workload.Create(Workload.LeNet5Name, samples, dtype: ScalarType.Float32);
        using var basis64 = w64.Basis(Dimension);
        using var basis32 = basis64.to(ScalarType.Float32);
        using var theta32 = w64.Theta.to(ScalarType.Float32);
        using var point64 = new LinearizationPoint(w64.Objective, w64.Theta);
        using var point32 = new LinearizationPoint(w32.Objective, theta32);

        double[] Measure(LinearizationPoint point, Tensor basis)
        {
            using var m = ProjectedCurvature.Compute(point, basis);
            return new[] { PositiveCurvature.Of(m.Hessian), PositiveCurvature.Of(m.GTerm), PositiveCurvature.Of(m.HTerm) };
        }

        double[] pc64 = Measure(point64, basis64), pc32 = Measure(point32, basis32); // warm-up, and the values compared
        var (t64, t32, ratio) = (new List<double>(), new List<double>(), new List<double>());
        for (int i = 0; i < pairs; i++)
        {
            double a = Timing.Seconds(() => Measure(point64, basis64)[0]);
            double b = Timing.Seconds(() => Measure(point32, basis32)[0]);
            t64.Add(a); t32.Add(b); ratio.Add(b / a);
        }

        var md = new StringBuilder();
        md.AppendLine($"LeNet-5 ({w64.Model.ParameterCount:N0} parameters), {w64.Source}, one projection of H, G-term and H-term at d = {Dimension}; {pairs} interleaved pairs after one warm-up each.")
          .AppendLine()
          .AppendLine("| dtype | median (s) | range (s) |").AppendLine("|---|---|---|")
          .AppendLine($"| float64 | {Timing.MedianOf(t64):F2} | {t64.Min():F2}–{t64.Max():F2} |")
          .AppendLine($"| float32 | {Timing.MedianOf(t32):F2} | {t32.Min():F2}–{t32.Max():F2} |")
          .AppendLine()
          .AppendLine($"float32/float64 time: median of pair ratios {Timing.MedianOf(ratio):F3} (range {ratio.Min():F2}–{ratio.Max():F2}).")
          .AppendLine()
          .AppendLine("| positive curvature Tr/‖·‖_F | float64 | float32 | |float32 − float64| |").AppendLine("|---|---|---|---|");
        string[] names = { "H", "G-term", "H-term" };
        for (int k = 0; k < 3; k++) md.AppendLine($"| {names[k]} | {pc64[k]:G10} | {pc32[k]:G10} | {Math.Abs(pc32[k] - pc64[k]):E2} |");
        md.AppendLine().AppendLine($"Device: {TorchRuntime.ResolveDevice()}, threads {torch.get_num_threads()}, {Environment.ProcessorCount} logical processors.");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "dtype.md"), md.ToString());
        Console.WriteLine(md);
    }
}
