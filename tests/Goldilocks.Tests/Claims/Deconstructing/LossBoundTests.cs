
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G17: class-independent outputs give loss ≥ Σ Q_k(−log Q̂_k) ≥ H(Q); balanced ⇒ ≥ log K; α → 0 ⇒ log K.</summary>
[Claim("G17")]
public sealed class LossBoundTests
{
    /// <summary>Outputs with an entry 0 (−log 0: the loss is infinite and the bound trivial) are discarded, not passed: at
    /// most <see cref="G17Constants.MaxDiscards"/> per <see cref="G17Constants.PropertyCases"/> cases (beyond that FsCheck
    /// gives up and the test fails).</summary>
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G17Constants.PropertyCases, MaxFail = G17Constants.MaxDiscards)]
    public FsCheck.Property Loss_is_bounded_by_cross_entropy_of_mean_output_and_by_prior_entropy(BatchCase b, FsCheck.PositiveInt[] weights) =>
        FsCheck.Fluent.Prop.When(!b.P.Any(p => p.Any(x => x == 0)), () => CheckLossBounds(b, weights));

    private static void CheckLossBounds(BatchCase b, FsCheck.PositiveInt[] weights)
    {
        var outputs = b.P;
        int k = outputs[0].Count;
        var w = Enumerable.Range(0, k).Select(i => 1.0 + (weights.Length > 0 ? weights[i % weights.Length].Get % 5 : 0)).ToArray();
        var prior = w.Select(x => x / w.Sum()).ToArray();
        var qhat = LossBounds.AverageOutput(outputs);
        double loss = LossBounds.ClassIndependentLoss(outputs, prior), jensen = LossBounds.JensenBound(prior, qhat), entropy = LossBounds.Entropy(prior);
        string where = $"{b}, Q = [{string.Join(", ", prior.Select(x => x.ToString("G4")))}]";
        ClaimAssert.That("G17", loss >= jensen - G17Constants.RoundOff && jensen >= entropy - G17Constants.RoundOff, $"loss {loss:R} ≥ Σ Q(−log Q̂) {jensen:R} ≥ H(Q) {entropy:R} fails, {where}; RoundOff = {G17Constants.RoundOff}");
        var balanced = Enumerable.Repeat(1.0 / k, k).ToArray();
        double balancedBound = LossBounds.JensenBound(balanced, qhat);
        ClaimAssert.That("G17", balancedBound >= Math.Log(k) - G17Constants.RoundOff, $"balanced bound {balancedBound:R} < log K = {Math.Log(k):R}, {where}; RoundOff = {G17Constants.RoundOff}");
        // The printed bound Σ_k(−log Q̂_k) ≥ K log K against a test-side computation: Q̂ averaged here, the sum of
        // −log Q̂_k summed here, and K × the balanced loss (−log p_k averaged over every sample and class) must exceed it.
        double oracle = Enumerable.Range(0, k).Sum(j => -Math.Log(outputs.Average(p => p[j])));
        double balancedLossTimesK = k * outputs.Average(p => p.Average(x => -Math.Log(x)));
        double printed = LossBounds.PaperUnweightedBound(qhat);
        ClaimAssert.That("G17", Math.Abs(printed - oracle) <= G17Constants.RoundOff * (1 + Math.Abs(oracle)), $"Σ(−log Q̂) = {printed:R} vs the direct sum {oracle:R}, {where}; RoundOff = {G17Constants.RoundOff}");
        ClaimAssert.That("G17", balancedLossTimesK >= oracle - G17Constants.RoundOff && oracle >= k * Math.Log(k) - G17Constants.RoundOff,
            $"K × balanced loss {balancedLossTimesK:R} ≥ Σ(−log Q̂) {oracle:R} ≥ K log K {k * Math.Log(k):R} fails, {where}; RoundOff = {G17Constants.RoundOff}");
    }

    /// <summary>Negative control: a bound that averages −log p instead of taking −log of the average output (mean of
    /// the log for the log of the mean) is K × the loss itself, and misses Σ(−log Q̂) on confident outputs with uniform Q̂.</summary>
    [Test]
    [Category(Categories.NegativeControl)]
    public void A_bound_with_mean_and_log_swapped_fails_the_direct_sum()
    {
        var outputs = new IReadOnlyList<double>[] { new[] { 0.7, 0.1, 0.2 }, new[] { 0.1, 0.7, 0.2 }, new[] { 0.2, 0.2, 0.6 } };
        double oracle = Enumerable.Range(0, 3).Sum(j => -Math.Log(outputs.Average(p => p[j])));
        double swapped = Enumerable.Range(0, 3).Sum(j => outputs.Average(p => -Math.Log(p[j])));
        TestContext.Out.WriteLine($"Σ(−log Q̂) = {oracle:F5} (= 3 log 3 = {3 * Math.Log(3):F5}); swapped Σ mean(−log p) = {swapped:F5}");
        ClaimAssert.That("G17", Math.Abs(swapped - oracle) > G17Constants.RoundOff * (1 + oracle), $"the swapped bound {swapped:R} must miss the direct sum {oracle:R} by more than {G17Constants.RoundOff} (1 + sum)");
        ClaimAssert.That("G17", Math.Abs(LossBounds.PaperUnweightedBound(LossBounds.AverageOutput(outputs)) - oracle) <= G17Constants.RoundOff * (1 + oracle),
            $"the library bound {LossBounds.PaperUnweightedBound(LossBounds.AverageOutput(outputs)):R} must equal the direct sum {oracle:R} (difference {Math.Abs(LossBounds.PaperUnweightedBound(LossBounds.AverageOutput(outputs)) - oracle):E3} > {G17Constants.RoundOff} (1 + sum))");
    }

    [Test]
    public void Equality_at_uniform_mean_output()
    {
        var outputs = new IReadOnlyList<double>[] { new[] { 0.7, 0.1, 0.2 }, new[] { 0.1, 0.7, 0.2 }, new[] { 0.2, 0.2, 0.6 } };
        var qhat = LossBounds.AverageOutput(outputs);
        var balanced = new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 };
        ClaimAssert.Close("G17", "bound at uniform Q̂ = log K", LossBounds.JensenBound(balanced, qhat), Math.Log(3), G17Constants.ExactRtol);
        double loss = LossBounds.ClassIndependentLoss(outputs, balanced);
        ClaimAssert.That("G17", loss > Math.Log(3) + G17Constants.MinLooseness, $"confident outputs with uniform Q̂ must exceed log K strictly (the bound is loose): loss {loss:R} vs log 3 + {G17Constants.MinLooseness} = {Math.Log(3) + G17Constants.MinLooseness:R}");
    }

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = 30)]
    public void Loss_tends_to_log_K_as_alpha_goes_to_zero_with_the_derived_rate(NetCase net, FsCheck.PositiveInt step)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        var objective = new Objective(model, data, new CrossEntropy(1.0));
        var z = objective.Logits(theta);
        var rows = Enumerable.Range(0, net.Samples).Select(i => (IReadOnlyList<double>)z[i].data<double>().ToArray()).ToArray();
        var labels = data.Targets.data<long>().Select(y => (int)y).ToArray();
        var (c1, r) = LossBounds.SmallScaleExpansion(rows, labels);
        double alpha = Math.Pow(10, -(step.Get % 21) / 10.0), t = Math.Pow(alpha, net.Depth);
        double loss = objective.Value(theta * alpha);
        double remainder = loss - Math.Log(net.Classes) - t * c1;
        ClaimAssert.That("G17", Math.Abs(remainder) <= t * t * r + G17Constants.ExpansionRoundOff,
            $"|L(αθ) − log K − α^L c₁| = {Math.Abs(remainder):E3} > α^(2L) range²/8 = {t * t * r:E3}, {net}, α = {alpha:G4}; ExpansionRoundOff = {G17Constants.ExpansionRoundOff}");
    }
}
