namespace Goldilocks.Papers.Deconstructing;

/// <summary>G27 margins (specs/G27; calibration over 20 seeds).</summary>
internal static class G27Constants
{
    /// <summary>Full-batch GD steps per cell and for the USO model</summary>
    public const int Steps = 200;

    /// <summary>Grids (seeds) the trainability test judges, each must hold; one grid passes the sharpness-permuted null 1 time in 4 (25.1 %)</summary>
    public const int Seeds = 4;

    /// <summary>The fixed permutation draw of the trainability negative control</summary>
    public const int NullDraw = 27;

    /// <summary>A rate is admissible when η‖H‖₂ is below this</summary>
    public const double MaxAdmissibleSharpness = 2;

    /// <summary>Best accuracy at α = 1 with an admissible rate; calibrated 1.0 in 20/20</summary>
    public const double MinAdmissibleAccuracy = 0.8;

    /// <summary>A cell is clearly inadmissible when η‖H‖₂ exceeds this</summary>
    public const double MinInadmissibleSharpness = 20;

    /// <summary>Best accuracy of a clearly inadmissible cell at α ≤ 1 that did not diverge; calibrated max 0.317 (chance 0.1)</summary>
    public const double MaxInadmissibleAccuracy = 0.5;

    /// <summary>GD rate of the USO model</summary>
    public const double UsoLearningRate = 0.1;

    /// <summary>The USO run is recorded (and judged) every this many steps</summary>
    public const int UsoRecordEvery = 20;

    /// <summary>Cos(θ_T, θ₀) of the USO model must fall below this (rotation)</summary>
    public const double UsoMaxFinalCosine = 0.99;
}
