
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Matrix-free spectral algorithms against dense eigvalsh and exact traces, on an explicit matrix with a known
/// spectrum and on a real network Hessian (MLP 6-5-4-3, tanh, biases; P = 74).
/// </summary>
public sealed class SpectralAlgorithmTests
{
    /// <summary>60 eigenvalues of both signs with a clear top gap (10 vs 6) and a clear bottom gap (-4 vs -2).</summary>
    private static double[] KnownSpectrum() =>
        new[] { 10.0, 6.0, 5.5, -4.0, -2.0, -1.9 }.Concat(Enumerable.Range(0, 54).Select(i => -1.5 + 3.0 * i / 53)).ToArray();

    public static IEnumerable<TestCaseData> Operators() => new[] { new TestCaseData("known-spectrum"), new TestCaseData("MLP-Tanh-bias Hessian") };

    /// <summary>Dense matrix and its operator; the caller disposes the scope that owns them.</summary>
    private static (ICurvatureOperator Op, Tensor Dense, IDisposable? Owner) Build(string which)
    {
        if (which == "known-spectrum")
        {
            var a = EngineCases.SymmetricWithSpectrum(KnownSpectrum(), seed: 3);
            return (new MatrixOperator(a), a, null);
        }
        var c = EngineCases.Create("MLP-Tanh-bias");
        var point = new LinearizationPoint(c.Objective(1.0, 5), c.Theta);
        var op = new HessianOperator(point);
        return (op, DenseMaterializer.Materialize(op), new Owners(point, c));
    }

    private sealed class Owners(params IDisposable[] items) : IDisposable
    {
        public void Dispose() { foreach (var i in items) i.Dispose(); }
    }

    /// <summary>
    /// Top-3 and bottom-3 Ritz values vs eigvalsh: |θ_i - λ_i| ≤ 1e-6·‖A‖₂ (rtol 1e-6, scaled by the
    /// spectral norm because eigenvalues near 0 have no meaningful relative error); true residuals ‖Ay - θy‖ ≤
    /// 1e-6·‖A‖₂, unit Ritz vectors, and the converged flag set.
    /// </summary>
    [TestCaseSource(nameof(Operators))]
    public void Lanczos_top_and_bottom_k_match_eigvalsh(string which)
    {
        const int k = 3;
        using var scope = torch.NewDisposeScope();
        var (op, dense, owner) = Build(which);
        using var _ = owner;
        var exact = SymmetricEigen.Eigenvalues(dense);
        double norm = exact.Max(Math.Abs);
        foreach (var end in new[] { SpectrumEnd.LargestAlgebraic, SpectrumEnd.SmallestAlgebraic })
        {
            var result = Lanczos.Run(op, k, end, tolerance: 1e-9, seed: 4);
            var expected = end == SpectrumEnd.LargestAlgebraic ? exact.Reverse().Take(k).ToArray() : exact.Take(k).ToArray();
            ClaimAssert.That(EngineCases.Engine, result.Converged, $"{which}, {end}: Lanczos did not converge after {result.Iterations} products (residuals {string.Join(", ", result.Residuals.Select(r => r.ToString("E2")))})");
            for (int i = 0; i < k; i++)
            {
                double err = Math.Abs(result.Eigenvalues[i] - expected[i]);
                ClaimAssert.That(EngineCases.Engine, err <= 1e-6 * norm, $"{which}, {end}: Ritz value {i} = {result.Eigenvalues[i]:R}, eigvalsh {expected[i]:R}, |error| {err:E3} > 1e-6·‖A‖₂ = {1e-6 * norm:E3}");
                var y = result.Eigenvectors[.., i];
                double residual = (dense.matmul(y) - result.Eigenvalues[i] * y).norm().item<double>();
                ClaimAssert.That(EngineCases.Engine, residual <= 1e-6 * norm, $"{which}, {end}: true residual ‖Ay - θy‖ = {residual:E3} for pair {i}");
                ClaimAssert.Close(EngineCases.Engine, $"{which}, {end}: ‖y_{i}‖", y.norm().item<double>(), 1.0, 1e-10);
            }
            TestContext.Out.WriteLine($"{which}, {end}: {result.Iterations} products, Ritz {string.Join(", ", result.Eigenvalues.Select(v => v.ToString("G10")))}");
        }
    }

    /// <summary>
    /// Subspace iteration (block 3) on the known spectrum: the reported residuals are the true ‖Av − λv‖ (1e-12·‖A‖₂),
    /// one iteration from a random block is reported as not converged, 200 iterations (|λ₄/λ₃| = 4/5.5, so the error
    /// shrinks by 0.73²⁰⁰ ≈ 1e-28) are reported as converged and match eigvalsh to 1e-9·‖A‖₂, and the warm-started
    /// solver, called n times with one iteration each, returns exactly (bit for bit) what one call of n iterations does.
    /// </summary>
    [Test]
    public void Subspace_iteration_reports_true_residuals_and_convergence_and_warm_starts_exactly()
    {
        using var scope = torch.NewDisposeScope();
        var (op, dense, _) = Build("known-spectrum");
        var exact = SymmetricEigen.Eigenvalues(dense).Reverse().Take(3).ToArray();
        double norm = exact.Max(Math.Abs);
        var start = torch.linalg.qr(torch.randn(new long[] { op.Size, 3 }, dtype: ScalarType.Float64, generator: new torch.Generator(7))).Q;

        var one = SubspaceIteration.Run(op, start, iterations: 1);
        ClaimAssert.That(EngineCases.Engine, !one.Converged, $"one iteration from a random block cannot meet 1e-8 (residuals {string.Join(", ", one.Residuals.Select(r => r.ToString("E2")))})");
        var many = SubspaceIteration.Run(op, start, iterations: 200);
        ClaimAssert.That(EngineCases.Engine, many.Converged, $"200 iterations must converge (residuals {string.Join(", ", many.Residuals.Select(r => r.ToString("E2")))})");
        ClaimAssert.That(EngineCases.Engine, many.Iterations == 600 && one.Iterations == 3, $"products: {one.Iterations} and {many.Iterations}, expected 3 and 600");
        foreach (var r in new[] { one, many })
            for (int i = 0; i < 3; i++)
            {
                var y = r.Eigenvectors[.., i];
                double residual = (dense.matmul(y) - r.Eigenvalues[i] * y).norm().item<double>();
                ClaimAssert.That(EngineCases.Engine, Math.Abs(residual - r.Residuals[i]) <= 1e-12 * norm, $"pair {i}: reported residual {r.Residuals[i]:E6}, true {residual:E6}");
            }
        for (int i = 0; i < 3; i++)
            ClaimAssert.That(EngineCases.Engine, Math.Abs(many.Eigenvalues[i] - exact[i]) <= 1e-9 * norm, $"Ritz value {i} = {many.Eigenvalues[i]:R}, eigvalsh {exact[i]:R}");

        const int calls = 5;
        var direct = SubspaceIteration.Run(op, start.clone(), iterations: calls);
        using var solver = new WarmStartedSubspaceIteration(blockSize: 3, iterations: 1, seed: 7);
        EigenResult warm = null!;
        for (int c = 0; c < calls; c++) warm = solver.Solve(op, 3);
        ClaimAssert.That(EngineCases.Engine, warm.Eigenvalues.SequenceEqual(direct.Eigenvalues) && (warm.Eigenvectors - direct.Eigenvectors).abs().max().item<double>() == 0,
            $"{calls} warm-started calls of one iteration: {string.Join(", ", warm.Eigenvalues.Select(v => v.ToString("R")))}; one call of {calls}: {string.Join(", ", direct.Eigenvalues.Select(v => v.ToString("R")))}");
        FluentActions.Invoking(() => solver.Solve(new MatrixOperator(torch.eye(4, dtype: ScalarType.Float64)), 3))
            .Should().Throw<ArgumentException>().WithMessage("*warm-start block was built for 60*");
    }

    /// <summary>Power iteration finds the eigenvalue of largest magnitude (signed) to 1e-6 relative.</summary>
    [TestCaseSource(nameof(Operators))]
    public void Power_iteration_finds_the_dominant_eigenvalue(string which)
    {
        using var scope = torch.NewDisposeScope();
        var (op, dense, owner) = Build(which);
        using var _ = owner;
        var exact = SymmetricEigen.Eigenvalues(dense);
        double dominant = exact.MaxBy(Math.Abs);
        var result = PowerIteration.Run(op, tolerance: 1e-9, maxIterations: 5000, seed: 2);
        TestContext.Out.WriteLine($"{which}: λ = {result.Top:R} after {result.Iterations} products, eigvalsh {dominant:R}");
        ClaimAssert.That(EngineCases.Engine, result.Converged, $"{which}: power iteration did not converge (residual {result.Residuals[0]:E3})");
        ClaimAssert.Close(EngineCases.Engine, $"{which}: power-iteration eigenvalue", result.Top, dominant, 1e-6);
    }

    /// <summary>
    /// Hutchinson estimates of Tr(A) and ‖A‖_F² lie within 3 reported standard errors of the exact values for seeds
    /// 1-5, and the reported SE agrees with the exact Rademacher SE, √(2(‖B‖_F² - Σ B_ii²)/m) for B = A (trace) and
    /// B = A² (Frobenius², since E‖Av‖² = Tr(A²)), within a factor 2 (sample SD of 200 probes).
    /// Calibration (<c>Hutchinson_z_score_calibration</c>, 1,000 seeds per operator) is in the summary of that test.
    /// Hutchinson only sees products, so the Hessian is applied as its dense matrix here (1,000 products in milliseconds).
    /// </summary>
    [Category(Categories.Statistical)]
    [TestCaseSource(nameof(Operators))]
    public void Hutchinson_trace_and_Frobenius_are_within_three_standard_errors(string which)
    {
        var failures = HutchinsonFailures(which, SeedOffset.Apply, e => e.StandardError);
        ClaimAssert.That(EngineCases.Engine, failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>
    /// Negative control (null model: the variance computed from (x + mean)² instead of (x − mean)², which reports
    /// SE' = √(SE² + 4·mean²/(m − 1))): on the same estimates the check above fails. Null pass probability: 0 of 300
    /// sweep offsets for each operator (95 % upper bound 0.99 %, <c>Hutchinson_null_calibration</c>).
    /// </summary>
    [Category(Categories.NegativeControl)]
    [TestCaseSource(nameof(Operators))]
    public void Hutchinson_standard_error_from_x_plus_mean_fails_the_check(string which)
    {
        var failures = HutchinsonFailures(which, SeedOffset.Apply, PlusMeanStandardError);
        ClaimAssert.That(EngineCases.Engine, failures.Count > 0, $"{which}: the (x + mean)² standard error must fail the check, but every seed passes it");
        TestContext.Out.WriteLine(string.Join("; ", failures));
    }

    /// <summary>The standard error a Hutchinson estimate reports when its variance sums (x + mean)² over the m probes:
    /// Σ(x + x̄)² = Σ(x − x̄)² + 4m x̄², so SE'² = SE² + 4x̄²/(m − 1).</summary>
    private static double PlusMeanStandardError(Estimate e) =>
        Math.Sqrt(e.StandardError * e.StandardError + 4 * e.Value * e.Value / (e.Probes - 1));

    /// <summary>The exact moments of one operator and its Hutchinson estimates for seeds 1-3 (through the seed map), 200
    /// probes each: what <see cref="HutchinsonFailures(HutchinsonSample, Func{Estimate, double})"/> judges.</summary>
    private sealed record HutchinsonSample(string Which, double Trace, double Frob2, double TraceSe, double Frob2Se, HutchinsonResult[] Estimates);

    private static HutchinsonSample SampleHutchinson(string which, Func<long, long> seed)
    {
        const int probes = 200;
        using var scope = torch.NewDisposeScope();
        var (_, dense, owner) = Build(which);
        using var __ = owner;
        var op = new MatrixOperator(dense);
        var (trace, frob2, traceSe, frob2Se) = ExactMoments(dense, probes);
        var estimates = Enumerable.Range(1, 3).Select(s => Hutchinson.Estimate(op, probes, seed(s))).ToArray();
        return new HutchinsonSample(which, trace, frob2, traceSe, frob2Se, estimates);
    }

    private static List<string> HutchinsonFailures(string which, Func<long, long> seed, Func<Estimate, double> reportedSe) =>
        HutchinsonFailures(SampleHutchinson(which, seed), reportedSe);

    /// <summary>
    /// The Hutchinson check: for each of the three seeds, Tr(A) within 3 of its reported standard errors; ‖A‖_F² within
    /// 4 exact standard errors; each reported standard error (as <paramref name="reportedSe"/> gives it) within a factor
    /// 2 of the exact one. Returns the failed conditions with their numbers (empty: the check passes).
    /// </summary>
    private static List<string> HutchinsonFailures(HutchinsonSample sample, Func<Estimate, double> reportedSe)
    {
        var (which, trace, frob2, traceSe, frob2Se) = (sample.Which, sample.Trace, sample.Frob2, sample.TraceSe, sample.Frob2Se);
        var failures = new List<string>();
        for (int s = 1; s <= sample.Estimates.Length; s++)
        {
            var est = sample.Estimates[s - 1];
            // Trace: within 3 of its reported standard errors. Its per-probe terms vᵀAv are nearly
            // symmetric, so the t-statistic is close to normal.
            double zTrace = (est.Trace.Value - trace) / reportedSe(est.Trace);
            if (!(Math.Abs(zTrace) <= 3)) failures.Add($"{which}, seed {s}: Hutchinson Tr(A) = {est.Trace.Value:G8} ± {reportedSe(est.Trace):E3}, exact {trace:G8} (z = {zTrace:F2}, allowed 3)");
            // ‖A‖_F²: the per-probe terms ‖Av‖² are skewed (χ²-like when one eigenvalue dominates), and a sample that
            // misses the large terms has a small mean AND a small sample SE, so its t-statistic has a heavy left tail
            // (z = −4.64 seen in the seed sweep). The estimate is therefore scored against the exact SE, within 4
            // (mean of 200 skewed terms: close to normal; 4 keeps six checks × 50 sweep offsets robust).
            double zFrob = (est.FrobeniusSquared.Value - frob2) / frob2Se;
            if (!(Math.Abs(zFrob) <= 4)) failures.Add($"{which}, seed {s}: Hutchinson ‖A‖_F² = {est.FrobeniusSquared.Value:G8}, exact {frob2:G8} ± {frob2Se:E3} (exact SE; z = {zFrob:F2}, allowed 4)");
            foreach (var (what, e, se) in new[] { ("Tr(A)", est.Trace, traceSe), ("‖A‖_F²", est.FrobeniusSquared, frob2Se) })
                if (!(reportedSe(e) >= se / 2 && reportedSe(e) <= 2 * se)) failures.Add($"{which}, seed {s}: reported SE of {what} {reportedSe(e):E3} vs exact {se:E3} (allowed a factor 2)");
        }
        return failures;
    }

    /// <summary>
    /// Run: <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~Hutchinson_null_calibration" --logger "console;verbosity=detailed"</c>.
    /// Seen (sweep offsets 0..299, 9 s and 43 s at OMP_NUM_THREADS=1): the (x + mean)² null passes 0/300 for each operator
    /// (95 % upper bound 0.99 %); what fails it is the reported SE of ‖A‖_F², 3-4.5 times the exact one (offset 0:
    /// 35.0 vs 10.6 for the known spectrum, 2.23 vs 0.494 for the MLP Hessian), while its trace SE stays within the
    /// factor 2 (the mean vᵀAv is small beside its spread). The check itself passes 298/300 for each operator (the trace
    /// z beyond 3 on one of the three seeds, as the 1,000-seed calibration below predicts: 3 in 1,000 per seed).
    /// </summary>
    [Explicit("calibration run; prints the null passes")]
    [TestCaseSource(nameof(Operators))]
    public void Hutchinson_null_calibration(string which)
    {
        int offsets = NullModel.Offsets(300);
        int claim = 0, nulls = 0;
        for (int k = 0; k < offsets; k++)
        {
            var sample = SampleHutchinson(which, s => NullModel.AtOffset(s, k)); // the claim and the null judge the same estimates
            if (HutchinsonFailures(sample, e => e.StandardError).Count == 0) claim++;
            if (HutchinsonFailures(sample, PlusMeanStandardError).Count == 0) nulls++;
        }
        TestContext.Out.WriteLine($"{which}: claim {claim}/{offsets}, (x + mean)² null {nulls}/{offsets} (95 % upper bound {NullModel.UpperBound95(nulls, offsets):P2}); offset 0 null: {string.Join("; ", HutchinsonFailures(which, SeedOffset.Apply, PlusMeanStandardError))}");
    }

    /// <summary>
    /// Calibration of the 3-SE margin above: z-scores of Hutchinson's trace and Frobenius² estimates over 1,000 seeds.
    /// Run with <c>dotnet test tests/Goldilocks.Tests -c Release --filter "Name~Hutchinson_z_score_calibration"</c>.
    /// Seen (seeds 1-1000, 200 probes): known spectrum, trace z in [-3.41, 3.08] (3/1000 beyond 3), Frobenius² z against
    /// the exact SE in [-2.53, 3.01] (0 beyond 4), against the sample SE in [-3.48, 2.46]; MLP Hessian, trace z in
    /// [-2.99, 3.80] (3/1000 beyond 3), Frobenius² z (exact SE) in [-2.83, 3.44] (0 beyond 4). The trace is normal, so
    /// a margin of 3 standard errors fails a check with probability ~0.3%: 3 seeds per test keep a 50-offset sweep at ≥ 49/50 with
    /// probability ~0.93. The seed sweep also met a sample-SE Frobenius² z of −4.64 (offset 15), the heavy left tail
    /// described in the test, which is why that estimate is scored against its exact SE.
    /// </summary>
    [Explicit("calibration run; prints the z-score distribution")]
    [TestCaseSource(nameof(Operators))]
    public void Hutchinson_z_score_calibration(string which)
    {
        using var scope = torch.NewDisposeScope();
        var (_, dense, owner) = Build(which);
        using var __ = owner;
        var op = new MatrixOperator(dense);
        var (trace, frob2, _, frob2Se) = ExactMoments(dense, 200);
        var zt = new List<double>();
        var zf = new List<double>();
        var zfSample = new List<double>();
        for (long seed = 1; seed <= 1000; seed++)
        {
            var est = Hutchinson.Estimate(op, 200, seed);
            zt.Add((est.Trace.Value - trace) / est.Trace.StandardError);
            zf.Add((est.FrobeniusSquared.Value - frob2) / frob2Se);
            zfSample.Add((est.FrobeniusSquared.Value - frob2) / est.FrobeniusSquared.StandardError);
        }
        TestContext.Out.WriteLine($"{which}: Frobenius² z with the sample SE in [{zfSample.Min():F2}, {zfSample.Max():F2}], |z| > 3: {zfSample.Count(z => Math.Abs(z) > 3)}/1000");
        TestContext.Out.WriteLine($"{which}: trace z in [{zt.Min():F2}, {zt.Max():F2}], |z| > 3: {zt.Count(z => Math.Abs(z) > 3)}/1000; seeds 1-5: {string.Join(", ", zt.Take(5).Select(z => z.ToString("F2")))}");
        TestContext.Out.WriteLine($"{which}: Frobenius² z (exact SE) in [{zf.Min():F2}, {zf.Max():F2}], |z| > 3: {zf.Count(z => Math.Abs(z) > 3)}/1000, > 4: {zf.Count(z => Math.Abs(z) > 4)}/1000; seeds 1-5: {string.Join(", ", zf.Take(5).Select(z => z.ToString("F2")))}");
    }

    /// <summary>Exact Tr(A), ‖A‖_F², and the exact standard errors of their m-probe Rademacher estimators.</summary>
    private static (double Trace, double Frob2, double TraceSe, double Frob2Se) ExactMoments(Tensor a, int probes)
    {
        using var scope = torch.NewDisposeScope();
        var a2 = a.matmul(a);
        double Se(Tensor b) => Math.Sqrt(2 * (b.pow(2).sum().item<double>() - torch.diagonal(b).pow(2).sum().item<double>()) / probes);
        return (torch.trace(a).item<double>(), torch.trace(a2).item<double>(), Se(a), Se(a2));
    }

    /// <summary>
    /// The mini-batch split does not change anything: the same 7 samples in one batch, as 4+3 and as 3+3+1 give the
    /// same loss, gradient and H, G, H-term products to 1e-12 relative (only the summation order differs).
    /// </summary>
    [TestCase(4)]
    [TestCase(3)]
    public void Batch_split_gives_the_same_loss_gradient_and_curvature_products(long batchSize)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create("MLP-Tanh-bias");
        using var seven = c.Data.Slice(0, 7);
        var whole = new Goldilocks.Objectives.Objective(c.Model, seven, new Goldilocks.Losses.CrossEntropy(0.7), 7);
        var split = whole.WithBatchSize(batchSize);
        split.Batches().Select(b => b.Length).Sum().Should().Be(7);
        split.Batches().Count().Should().BeGreaterThan(1);

        var (lossWhole, gradWhole) = whole.ValueAndGradient(c.Theta);
        var (lossSplit, gradSplit) = split.ValueAndGradient(c.Theta);
        ClaimAssert.Close(EngineCases.Engine, $"loss, batches of {batchSize} vs 7", lossSplit, lossWhole, 1e-12);
        ClaimAssert.Close(EngineCases.Engine, $"value, batches of {batchSize} vs 7", split.Value(c.Theta), whole.Value(c.Theta), 1e-12);
        ClaimAssert.Close(EngineCases.Engine, $"gradient, batches of {batchSize} vs 7", gradSplit, gradWhole, 1e-12);

        using var pw = new LinearizationPoint(whole, c.Theta);
        using var ps = new LinearizationPoint(split, c.Theta);
        var v = EngineCases.Gaussian(c.Model.ParameterCount, 21);
        ClaimAssert.Close(EngineCases.Engine, $"Hv, batches of {batchSize} vs 7", new HessianOperator(ps).Apply(v), new HessianOperator(pw).Apply(v), 1e-12);
        ClaimAssert.Close(EngineCases.Engine, $"Gv, batches of {batchSize} vs 7", new GTermOperator(ps).Apply(v), new GTermOperator(pw).Apply(v), 1e-12);
        ClaimAssert.Close(EngineCases.Engine, $"H-term v, batches of {batchSize} vs 7", new HTermOperator(ps).Apply(v), new HTermOperator(pw).Apply(v), 1e-12);
    }

    /// <summary>
    /// Stochastic Lanczos quadrature on the known 60×60 matrix: the smoothed density integrates to 1 (trapezoid rule on
    /// a grid of σ/20 spanning ±10σ beyond the spectrum: error ≪ 1e-6), and its first moment Σ w_i θ_i (which
    /// equals the mean of vᵀAv/n over the probes) is within 3 exact standard errors of Tr(A)/n.
    /// </summary>
    [Category(Categories.Statistical)]
    [TestCase(1L)]
    [TestCase(2L)]
    [TestCase(3L)]
    public void Stochastic_Lanczos_quadrature_density_integrates_to_one_and_has_the_right_mean(long seed)
    {
        const int probes = 30;
        const double sigma = 0.05;
        using var scope = torch.NewDisposeScope();
        var spectrum = KnownSpectrum();
        var a = EngineCases.SymmetricWithSpectrum(spectrum, seed: 3);
        int n = spectrum.Length;
        var density = StochasticLanczosQuadrature.Run(new MatrixOperator(a), probes, steps: 25, SeedOffset.Apply(seed), sigma);

        double lo = spectrum.Min() - 10 * sigma, hi = spectrum.Max() + 10 * sigma, dx = sigma / 20;
        var grid = Enumerable.Range(0, (int)((hi - lo) / dx) + 1).Select(i => lo + i * dx).ToArray();
        var phi = density.Evaluate(grid);
        double integral = Enumerable.Range(1, grid.Length - 1).Sum(i => (phi[i] + phi[i - 1]) / 2 * dx);
        ClaimAssert.Close(EngineCases.Engine, $"SLQ seed {seed}: ∫φ", integral, 1.0, 1e-6);

        double mean = density.Nodes.Zip(density.Weights).Sum(nw => nw.First * nw.Second);
        var (trace, _, traceSe, _) = ExactMoments(a, probes);
        double z = (mean - trace / n) / (traceSe / n);
        TestContext.Out.WriteLine($"SLQ seed {seed}: ∫φ = {integral:R}, mean {mean:G8} vs Tr(A)/n = {trace / n:G8} (z = {z:F2}), {density.Nodes.Length} nodes");
        ClaimAssert.That(EngineCases.Engine, Math.Abs(z) <= 3, $"SLQ seed {seed}: first moment {mean:G8} vs Tr(A)/n = {trace / n:G8}, {z:F2} standard errors");
    }

    /// <summary>
    /// SLQ is scale-equivariant: A·1e-20 (e.g. a G-term under softmax collapse) gives the nodes of A times 1e-20 and the
    /// same weights. An absolute breakdown threshold on β would stop the tridiagonalisation after one step instead.
    /// </summary>
    [Test]
    public void Stochastic_Lanczos_quadrature_is_scale_equivariant()
    {
        using var scope = torch.NewDisposeScope();
        var a = EngineCases.SymmetricWithSpectrum(KnownSpectrum(), seed: 3);
        var unit = StochasticLanczosQuadrature.Run(new MatrixOperator(a), 3, 20, seed: 1, sigma: 0.05);
        var tiny = StochasticLanczosQuadrature.Run(new MatrixOperator(a * 1e-20), 3, 20, seed: 1, sigma: 0.05e-20);
        tiny.Nodes.Length.Should().Be(unit.Nodes.Length, "the same number of Lanczos steps must be taken at any scale");
        ClaimAssert.Close(EngineCases.Engine, "SLQ nodes of 1e-20·A vs 1e-20 × nodes of A", torch.tensor(tiny.Nodes), torch.tensor(unit.Nodes) * 1e-20, 1e-10);
        ClaimAssert.Close(EngineCases.Engine, "SLQ weights of 1e-20·A vs of A", torch.tensor(tiny.Weights), torch.tensor(unit.Weights), 1e-10);
    }

    /// <summary>
    /// The standard error of <see cref="Hutchinson.MeanWithError"/> on fixed samples against its closed form: for
    /// c + {1, 2, 3, 4}, mean c + 5/2 and s² = (9/4 + 1/4 + 1/4 + 9/4)/3 = 5/3, so SE = √(s²/4) = √(5/12). With
    /// c = 3·10¹⁵ every input, sum and deviation is exact in float64 while c + x is not (its ulp is 1), so the two-pass
    /// Σ(x − mean)² is exact and the algebraically equal Σ(x + mean)(x − mean) = Σx² − n·mean² is off by O(1).
    /// </summary>
    [TestCase(0.0)]
    [TestCase(3e15)]
    public void Standard_error_of_a_fixed_sample_is_the_closed_form(double c)
    {
        var e = Hutchinson.MeanWithError(new[] { c + 1, c + 2, c + 3, c + 4 });
        ClaimAssert.Close(EngineCases.Engine, $"mean of {c:G3} + {{1,2,3,4}}", e.Value, c + 2.5, 1e-15);
        ClaimAssert.Close(EngineCases.Engine, $"standard error of {c:G3} + {{1,2,3,4}}", e.StandardError, Math.Sqrt(5.0 / 12.0), 1e-15);
        ClaimAssert.That(EngineCases.Engine, e.Probes == 4, $"sample size {e.Probes}, expected 4");
    }

    /// <summary>
    /// Rademacher probes on closed forms. For a diagonal D, vᵀDv = Tr D and ‖Dv‖² = Σ d_i² for every v ∈ {±1}^n, so
    /// both estimates are exact with standard error 0 (the exact variance 2(‖D‖_F² − Σ D_ii²) is 0), already with the
    /// minimum of 2 probes. For A = [[0, 1], [1, 0]], vᵀAv = 2v₁v₂ = ±2 and ‖Av‖² = 2: with k of m probes at +2 the mean
    /// is μ = 2(2k − m)/m and the sample variance m(4 − μ²)/(m − 1), so the reported SE must be √((4 − μ²)/(m − 1)),
    /// an identity in the estimate's own mean (m = 7 is odd, so μ ≠ 0 and (x − μ)² differs from (x + μ)²).
    /// </summary>
    [Test]
    public void Hutchinson_on_closed_forms_is_exact_with_the_exact_standard_error()
    {
        using var scope = torch.NewDisposeScope();
        var d = new[] { 3.0, -1.0, 0.5, 2.0 };
        var diagonal = Hutchinson.Estimate(new MatrixOperator(torch.diag(torch.tensor(d, dtype: ScalarType.Float64))), probes: 2, seed: 11);
        ClaimAssert.Close(EngineCases.Engine, "diagonal: Hutchinson Tr(D)", diagonal.Trace.Value, d.Sum(), 1e-15);
        ClaimAssert.Close(EngineCases.Engine, "diagonal: Hutchinson ‖D‖_F²", diagonal.FrobeniusSquared.Value, d.Sum(x => x * x), 1e-15);
        ClaimAssert.That(EngineCases.Engine, diagonal.Trace.StandardError == 0 && diagonal.FrobeniusSquared.StandardError == 0 && diagonal.Trace.Probes == 2,
            $"diagonal: SE {diagonal.Trace.StandardError:E3} / {diagonal.FrobeniusSquared.StandardError:E3} (exact 0), probes {diagonal.Trace.Probes} (2)");

        const int m = 7;
        var swap = torch.tensor(new[] { 0.0, 1.0, 1.0, 0.0 }, dtype: ScalarType.Float64).reshape(2, 2);
        for (long seed = 1; seed <= 5; seed++)
        {
            var e = Hutchinson.Estimate(new MatrixOperator(swap), m, seed);
            double mu = e.Trace.Value;
            int k = (int)Math.Round((mu * m / 2 + m) / 2);
            ClaimAssert.Close(EngineCases.Engine, $"swap, seed {seed}: mean of ±2 terms is 2(2k − m)/m", mu, 2.0 * (2 * k - m) / m, 1e-14);
            ClaimAssert.Close(EngineCases.Engine, $"swap, seed {seed}: SE of Tr", e.Trace.StandardError, Math.Sqrt((4 - mu * mu) / (m - 1)), 1e-14);
            ClaimAssert.Close(EngineCases.Engine, $"swap, seed {seed}: Hutchinson ‖A‖_F²", e.FrobeniusSquared.Value, 2.0, 1e-15);
            ClaimAssert.That(EngineCases.Engine, e.FrobeniusSquared.StandardError == 0, $"swap, seed {seed}: SE of ‖A‖_F² {e.FrobeniusSquared.StandardError:E3}, exact 0");
        }
    }

    /// <summary>A standard error needs 2 samples: 1 or 0 samples are rejected naming the argument instead of giving NaN.
    /// The zero matrix has ‖A‖_F² = 0 exactly (every ‖Av‖² is 0), so its positive curvature is null, not 0/0.</summary>
    [Test]
    public void Too_few_samples_and_the_zero_matrix_give_no_silent_NaN()
    {
        foreach (var samples in new[] { new[] { 1.0 }, Array.Empty<double>() })
            ((Action)(() => Hutchinson.MeanWithError(samples))).Should().Throw<ArgumentException>()
                .WithMessage($"*at least 2 samples, got {samples.Length}*").Which.ParamName.Should().Be("samples");
        using var scope = torch.NewDisposeScope();
        var zero = Hutchinson.Estimate(new MatrixOperator(torch.zeros(3, 3, dtype: ScalarType.Float64)), probes: 3, seed: 1);
        ClaimAssert.That(EngineCases.Engine, zero.FrobeniusSquared.Value == 0 && zero.PositiveCurvature is null,
            $"zero matrix: ‖A‖_F² estimate {zero.FrobeniusSquared.Value:R}, PC {zero.PositiveCurvature?.ToString("R") ?? "null"} (expected 0 and null)");
    }

    /// <summary>Two probes are the minimum for a standard error: 2 is accepted, 1 and 0 are rejected naming the argument; a null operator is rejected.</summary>
    [Test]
    public void Hutchinson_needs_two_probes_and_an_operator()
    {
        using var scope = torch.NewDisposeScope();
        var op = new MatrixOperator(torch.eye(3, dtype: ScalarType.Float64));
        Hutchinson.Estimate(op, 2, 0).Trace.Probes.Should().Be(2);
        foreach (int probes in new[] { 1, 0 })
            FluentActions.Invoking(() => Hutchinson.Estimate(op, probes, 0)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage("*at least 2 probes*").Which.ParamName.Should().Be("probes");
        FluentActions.Invoking(() => Hutchinson.Estimate(null!, 2, 0)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>
    /// Tr(A)/‖A‖_F on closed forms (√n for I_n; −1/√13 for [[1, 2], [2, −2]]) and its input checks: a non-square or
    /// non-matrix tensor, a null or disposed tensor, and a matrix whose ‖A‖_F overflows float64 are each rejected
    /// (the overflow would otherwise return Tr(A)/∞ = 0).
    /// </summary>
    [Test]
    public void Positive_curvature_of_closed_forms_and_its_input_checks()
    {
        using var scope = torch.NewDisposeScope();
        ClaimAssert.Close(EngineCases.Engine, "PC(I_5)", PositiveCurvature.Of(torch.eye(5, dtype: ScalarType.Float64)), Math.Sqrt(5), 1e-15);
        ClaimAssert.Close(EngineCases.Engine, "PC([[1,2],[2,-2]])", PositiveCurvature.Of(torch.tensor(new[] { 1.0, 2.0, 2.0, -2.0 }, dtype: ScalarType.Float64).reshape(2, 2)), -1 / Math.Sqrt(13), 1e-15);
        foreach (var shape in new[] { new long[] { 2, 3 }, new long[] { 3, 2 }, new long[] { 4 }, new long[] { 2, 2, 2 } })
            FluentActions.Invoking(() => PositiveCurvature.Of(torch.ones(shape, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
                .WithMessage($"*a square matrix is required, got [{string.Join(", ", shape)}]*");
        FluentActions.Invoking(() => PositiveCurvature.Of(null!)).Should().Throw<ArgumentNullException>();
        var disposed = torch.eye(2, dtype: ScalarType.Float64);
        disposed.Dispose();
        FluentActions.Invoking(() => PositiveCurvature.Of(disposed)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => PositiveCurvature.Of(torch.eye(3, dtype: ScalarType.Float64) * 1e200)).Should().Throw<OverflowException>().WithMessage("*‖A‖_F*overflowed*");
    }

    /// <summary>diag(1, …, n) as an operator that counts its products.</summary>
    private static (ICurvatureOperator Op, Func<int> Products) CountingDiagonal(int n)
    {
        var d = torch.arange(1, n + 1, dtype: ScalarType.Float64);
        int count = 0;
        return (new DelegateOperator(n, v => { count++; return d * v; }), () => count);
    }

    [Test]
    public void Lanczos_checks_its_arguments()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = CountingDiagonal(4);
        FluentActions.Invoking(() => Lanczos.Run(null!)).Should().Throw<ArgumentNullException>();
        foreach (var k in new[] { 0, 5 })
            FluentActions.Invoking(() => Lanczos.Run(op, k)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage("k must be in [1, 4]*").Which.ParamName.Should().Be("k");
        Lanczos.Run(op, 4).Eigenvalues.Should().Equal(new[] { 4.0, 3.0, 2.0, 1.0 }, (a, b) => Math.Abs(a - b) < 1e-12);
        foreach (var tolerance in new[] { 0.0, -1e-8, double.NaN })
            FluentActions.Invoking(() => Lanczos.Run(op, 1, tolerance: tolerance)).Should().Throw<ArgumentOutOfRangeException>()
                .WithMessage("tolerance must be > 0*").Which.ParamName.Should().Be("tolerance");
        FluentActions.Invoking(() => Lanczos.Run(op, 3, maxIterations: 2)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("maxIterations must be ≥ k*").Which.ParamName.Should().Be("maxIterations");
        Lanczos.Run(op, 3, maxIterations: 3).Iterations.Should().Be(3);
    }

    /// <summary>
    /// The result record against the operator and the stated criterion, at every iteration count m: Iterations is the
    /// number of products; each residual is ‖Ay − θy‖ recomputed here (to 1e-12·‖A‖); Converged holds exactly when
    /// every residual is ≤ tolerance·max|θ| (the run stops at the first such m). diag(1, …, 40) from a Gaussian start.
    /// </summary>
    [TestCase(SpectrumEnd.LargestAlgebraic)]
    [TestCase(SpectrumEnd.SmallestAlgebraic)]
    public void Lanczos_record_matches_the_operator_and_its_stopping_rule(SpectrumEnd end)
    {
        const int n = 40, k = 2;
        const double tolerance = 1e-6;
        using var scope = torch.NewDisposeScope();
        var (op, products) = CountingDiagonal(n);
        var d = torch.arange(1, n + 1, dtype: ScalarType.Float64);
        int stoppedAt = 0;
        for (int m = k; m <= n; m++)
        {
            using var step = torch.NewDisposeScope();
            int before = products();
            var r = Lanczos.Run(op, k, end, tolerance, maxIterations: m, seed: 3);
            (products() - before).Should().Be(r.Iterations, "Iterations counts the operator's products");
            r.Iterations.Should().BeLessThanOrEqualTo(m);
            r.Count.Should().Be(k);
            for (int i = 0; i < k; i++)
            {
                var y = r.Eigenvectors[.., i];
                var actual = torch.linalg.vector_norm(d * y - r.Eigenvalues[i] * y).ToDouble();
                r.Residuals[i].Should().BeApproximately(actual, 1e-12 * n, $"m = {m}: residual {i}");
            }
            bool criterion = r.Residuals.All(x => x <= tolerance * r.Eigenvalues.Max(Math.Abs));
            r.Converged.Should().Be(criterion, $"m = {m}: residuals [{string.Join(", ", r.Residuals)}], values [{string.Join(", ", r.Eigenvalues)}]");
            if (r.Converged) { stoppedAt = r.Iterations; break; }
            r.Iterations.Should().Be(m, "an unconverged run uses every allowed product");
        }
        stoppedAt.Should().BeInRange(k + 1, n - 1, "diag(1..40) converges to 1e-6 before the Krylov space is the whole space");
        var wanted = end == SpectrumEnd.LargestAlgebraic ? new[] { 40.0, 39.0 } : new[] { 1.0, 2.0 };
        var final = Lanczos.Run(op, k, end, tolerance, seed: 3);
        final.Eigenvalues.Should().Equal(wanted, (a, b) => Math.Abs(a - b) <= 1e-6 * 40);
        final.Iterations.Should().Be(stoppedAt);
    }

    /// <summary>Default product budget: min(n, max(3k + 20, 100)), reached when the tolerance cannot be met.</summary>
    [TestCase(1, 100)]
    [TestCase(30, 110)]
    public void Lanczos_default_budget_is_max_of_3k_plus_20_and_100_capped_at_n(int k, int budget)
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = CountingDiagonal(200);
        var r = Lanczos.Run(op, k, tolerance: 1e-300, seed: 1);
        r.Iterations.Should().Be(budget);
        r.Converged.Should().BeFalse();
        Lanczos.Run(op, k, tolerance: 1e-300, maxIterations: 50, seed: 1).Iterations.Should().Be(50);
        var (small, _) = CountingDiagonal(8);
        Lanczos.Run(small, 1, tolerance: 1e-300, seed: 1).Iterations.Should().Be(8, "capped at n");
    }

    /// <summary>
    /// A start vector in a 2-dimensional invariant subspace (e₁ + e₂ of diag(1..6)): β₂ = 0 after 2 products. For k = 2
    /// the pairs {2, 1} are exact and converged; for k = 3 only 2 pairs exist and the result says not converged.
    /// </summary>
    [Test]
    public void Lanczos_stops_on_an_invariant_subspace()
    {
        using var scope = torch.NewDisposeScope();
        var (op, _) = CountingDiagonal(6);
        var start = torch.tensor(new[] { 1.0, 1, 0, 0, 0, 0 });
        var two = Lanczos.Run(op, 2, tolerance: 1e-300, start: start);
        two.Iterations.Should().Be(2);
        two.Converged.Should().BeTrue();
        two.Eigenvalues.Should().Equal(new[] { 2.0, 1.0 }, (a, b) => Math.Abs(a - b) < 1e-14);
        var three = Lanczos.Run(op, 3, tolerance: 1e-300, start: start);
        three.Iterations.Should().Be(2);
        three.Converged.Should().BeFalse();
        three.Count.Should().Be(2);
    }
}
