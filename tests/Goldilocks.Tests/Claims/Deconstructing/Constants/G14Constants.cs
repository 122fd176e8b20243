namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G14 tolerances and sizes (specs/G14).</summary>
internal static class G14Constants
{
    /// <summary>FsCheck cases of the noise-free Eq. 9 property</summary>
    public const int PropertyCases = 50;

    /// <summary>‖sample − Eq. 9‖ relative to σ_c√d at σ_e = 0</summary>
    public const double NoiseFreeRtol = 1e-13;

    /// <summary>Relative tolerance of ‖E∇L‖ = σ_c√d‖Q̂ − Q‖</summary>
    public const double NormRtol = 1e-12;

    /// <summary>Monte Carlo draws of the batch gradient</summary>
    public const int Draws = 4000;

    /// <summary>Largest |mean − Eq. 9| / standard error over the entries</summary>
    public const double ZBound = 5.0;

    /// <summary>Logit-gradient dimension d of the Monte Carlo norm oracle</summary>
    public const int Dimension = 6;

    /// <summary>Σ_c of the Monte Carlo norm oracle</summary>
    public const double SigmaC = 0.7;

    /// <summary>Σ_e of the Monte Carlo norm oracle</summary>
    public const double SigmaE = 0.9;

    /// <summary>The corrected Eq. 9 norm must lie within this many error scales of the simulated mean</summary>
    public const double ErrorBound = 5;
}
