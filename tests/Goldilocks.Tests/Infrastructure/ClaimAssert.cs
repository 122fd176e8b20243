namespace Goldilocks.Tests.Infrastructure;

/// <summary>Assertions whose failure message names the claim and shows the numbers.</summary>
public static class ClaimAssert
{
    /// <summary>‖a - b‖ / max(‖b‖, tiny): relative error of tensors (Frobenius/Euclidean).</summary>
    public static double RelativeError(Tensor actual, Tensor expected)
    {
        using var scope = torch.NewDisposeScope();
        var a = actual.to(ScalarType.Float64);
        var e = expected.to(ScalarType.Float64);
        double denom = Math.Max(e.norm().item<double>(), 1e-300);
        return (a - e).norm().item<double>() / denom;
    }

    public static double RelativeError(double actual, double expected) => CheckList.RelativeError(actual, expected);

    public static void Close(string claim, string what, Tensor actual, Tensor expected, double rtol)
    {
        double err = RelativeError(actual, expected);
        if (!(err <= rtol))
            Assert.Fail($"[{claim}] {what}: relative error {err:E3} exceeds {rtol:E1} (‖expected‖ = {expected.norm().item<double>():E6}, ‖actual‖ = {actual.norm().item<double>():E6})");
    }

    public static void Close(string claim, string what, double actual, double expected, double rtol)
    {
        double err = RelativeError(actual, expected);
        if (!(err <= rtol))
            Assert.Fail($"[{claim}] {what}: expected {expected:R}, got {actual:R} (relative error {err:E3} > {rtol:E1})");
    }

    public static void That(string claim, bool condition, string message)
    {
        if (!condition) Assert.Fail($"[{claim}] {message}");
    }

    /// <summary>Asserts a claim's criterion (the function the report's verdict table also calls): prints the measured
    /// numbers, fails when the criterion does not apply to the record, else asserts each check in order.</summary>
    public static void Holds(ClaimEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        TestContext.Out.WriteLine($"[{evaluation.Claim}] {evaluation.Measured}");
        if (evaluation.NotApplicable is { } why) Assert.Fail($"[{evaluation.Claim}] the criterion does not apply: {why}");
        foreach (var check in evaluation.Checks) That(evaluation.Claim, check.Passed, check.Message);
    }

    /// <summary>Negative control of a claim's criterion: on a null draw (<paramref name="nullDraw"/> says which) the
    /// criterion applies and fails; prints the measured numbers and the checks that failed.</summary>
    public static void FailsOnNull(ClaimEvaluation evaluation, string nullDraw)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        TestContext.Out.WriteLine($"[{evaluation.Claim}] null draw ({nullDraw}): {evaluation.Measured}; failing checks: {string.Join(" | ", evaluation.Failures)}");
        if (evaluation.NotApplicable is { } why) Assert.Fail($"[{evaluation.Claim}] negative control ({nullDraw}): the criterion does not apply: {why}");
        That(evaluation.Claim, !evaluation.Passed, $"negative control ({nullDraw}): the criterion passes on the null draw, so its margins do not separate the claim from no effect: {evaluation.Measured}");
    }
}
