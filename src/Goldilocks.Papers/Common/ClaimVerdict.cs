namespace Goldilocks.Papers.Common;

/// <summary>The four verdicts of the report's verdict table.</summary>
public static class Verdict
{
    /// <summary>The claim's test criterion holds on the measured numbers, for the paper's own statement.</summary>
    public const string Holds = "holds";

    /// <summary>The criterion holds for the spec's corrected or weaker statement (the paper's form did not reproduce).</summary>
    public const string HoldsWeaker = "holds-weaker";

    /// <summary>The criterion fails on the measured numbers.</summary>
    public const string DoesNotHold = "does-not-hold";

    /// <summary>The section did not compute what the criterion needs (the row's reason says what is missing).</summary>
    public const string NotRun = "not-run";

    /// <summary>All four, in table order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Holds, HoldsWeaker, DoesNotHold, NotRun };
}

/// <summary>One row of the verdict table (report.html, report.json <c>results.verdicts</c>).</summary>
/// <param name="Claim">Claim ID (specs/README.md).</param>
/// <param name="Paper">What the paper states, in one line.</param>
/// <param name="Measured">The number or numbers the criterion judged, formatted.</param>
/// <param name="Verdict">One of <see cref="Common.Verdict.All"/>.</param>
/// <param name="Spec">Relative link to the claim's spec, specs/&lt;file&gt;.md.</param>
/// <param name="PaperValue">The paper's own number or threshold, where the paper gives one.</param>
/// <param name="Reason">For does-not-hold the failed checks, for not-run what is missing; null otherwise.</param>
public sealed record ClaimVerdict(string Claim, string Paper, string Measured, string Verdict, string Spec, string? PaperValue, string? Reason);
