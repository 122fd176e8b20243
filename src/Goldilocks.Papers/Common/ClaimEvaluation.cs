using System.Globalization;

namespace Goldilocks.Papers.Common;

/// <summary>One condition of a claim's criterion and the message (with the numbers) that says why it failed.</summary>
/// <param name="Passed">Whether the condition holds.</param>
/// <param name="Message">What was required and what was measured.</param>
public sealed record ClaimCheck(bool Passed, string Message);

/// <summary>
/// A claim's criterion applied to an experiment's result record: the checks the claim's test asserts and the formatted
/// numbers. <see cref="NotApplicable"/> says why the record cannot be judged (e.g. the grid lacks the α the criterion
/// needs); a test fails on it, the report shows not-run.
/// </summary>
/// <param name="Claim">Claim ID.</param>
/// <param name="Measured">The numbers judged, formatted for the verdict table.</param>
/// <param name="Checks">The conditions, in the order the test asserts them.</param>
/// <param name="NotApplicable">Null when the criterion applies; otherwise why it does not.</param>
public sealed record ClaimEvaluation(string Claim, string Measured, IReadOnlyList<ClaimCheck> Checks, string? NotApplicable = null)
{
    /// <summary>True when the criterion applies and every check passed.</summary>
    public bool Passed => NotApplicable is null && Checks.All(c => c.Passed);

    /// <summary>The messages of the failed checks.</summary>
    public IReadOnlyList<string> Failures => Checks.Where(c => !c.Passed).Select(c => c.Message).ToArray();

    /// <summary>The criterion cannot judge this record, for <paramref name="reason"/>.</summary>
    public static ClaimEvaluation Inapplicable(string claim, string reason, string measured = "—") => new(claim, measured, Array.Empty<ClaimCheck>(), reason);

    /// <summary>Both parts of a criterion: measured numbers joined, checks concatenated, not applicable if either is.</summary>
    public ClaimEvaluation And(ClaimEvaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Claim != Claim) throw new ArgumentException($"cannot join criteria of {Claim} and {other.Claim}", nameof(other));
        string? reason = (NotApplicable, other.NotApplicable) switch
        {
            (null, null) => null,
            (string a, null) => a,
            (null, string b) => b,
            (string a, string b) => a + "; " + b,
        };
        return new ClaimEvaluation(Claim, Measured + "; " + other.Measured, Checks.Concat(other.Checks).ToArray(), reason);
    }

    /// <summary>The criterion applied to several records (e.g. one per seed): every one must pass; labels prefix the
    /// numbers and the messages.</summary>
    public static ClaimEvaluation AllOf(string claim, IEnumerable<(string Label, ClaimEvaluation Evaluation)> parts)
    {
        var list = parts.ToArray();
        if (list.Length == 0) return Inapplicable(claim, "no records to judge");
        var missing = list.Where(p => p.Evaluation.NotApplicable is not null).Select(p => $"{p.Label}: {p.Evaluation.NotApplicable}").ToArray();
        return new ClaimEvaluation(claim, string.Join("; ", list.Select(p => $"{p.Label}: {p.Evaluation.Measured}")),
            list.SelectMany(p => p.Evaluation.Checks.Select(c => c with { Message = $"{p.Label}: {c.Message}" })).ToArray(),
            missing.Length == 0 ? null : string.Join("; ", missing));
    }
}

/// <summary>What the verdict table says about a claim besides the measurement: the paper's statement, its own number,
/// the spec and whether the test checks the spec's corrected or weaker form.</summary>
/// <param name="Claim">Claim ID.</param>
/// <param name="Paper">The paper's statement, one line.</param>
/// <param name="PaperValue">The paper's number, where it gives one.</param>
/// <param name="Spec">specs/&lt;file&gt;.md.</param>
/// <param name="Weaker">True when the spec's Status is a corrected or weaker statement (or an analogue that did not reproduce the paper's form).</param>
public sealed record ClaimStatement(string Claim, string Paper, string? PaperValue, string Spec, bool Weaker)
{
    /// <summary>The verdict row of an evaluation: not-run when it does not apply, else holds (holds-weaker for a
    /// weaker statement) or does-not-hold.</summary>
    public ClaimVerdict Verdict(ClaimEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Claim != Claim) throw new ArgumentException($"evaluation of {evaluation.Claim} given to the statement of {Claim}", nameof(evaluation));
        if (evaluation.NotApplicable is { } why) return Row(evaluation.Measured, Common.Verdict.NotRun, why);
        return evaluation.Passed
            ? Row(evaluation.Measured, Weaker ? Common.Verdict.HoldsWeaker : Common.Verdict.Holds, null)
            : Row(evaluation.Measured, Common.Verdict.DoesNotHold, string.Join("; ", evaluation.Failures));
    }

    private ClaimVerdict Row(string measured, string verdict, string? reason) => new(Claim, Paper, measured, verdict, Spec, PaperValue, reason);
}

/// <summary>Builds the checks of a criterion with the messages the claim tests print.</summary>
internal sealed class CheckList(string claim)
{
    private readonly List<ClaimCheck> _checks = new();
    private readonly List<string> _measured = new();

    public string Claim => claim;

    public CheckList That(bool condition, string message)
    {
        _checks.Add(new ClaimCheck(condition, message));
        return this;
    }

    /// <summary>Relative closeness, with the message of the tests' ClaimAssert.Close.</summary>
    public CheckList Close(string what, double actual, double expected, double rtol)
    {
        double err = RelativeError(actual, expected);
        return That(err <= rtol, $"{what}: expected {expected:R}, got {actual:R} (relative error {err:E3} > {rtol:E1})");
    }

    public CheckList Measure(string text)
    {
        _measured.Add(text);
        return this;
    }

    public ClaimEvaluation Done() => new(claim, string.Join("; ", _measured), _checks.ToArray());

    /// <summary>|a − b| / max(|b|, tiny).</summary>
    public static double RelativeError(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);

    public static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    public static string F(double? v) => v is { } x ? F(x) : "undefined";
}
