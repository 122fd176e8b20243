namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G7 tolerances and sizes (specs/G7).</summary>
internal static class G7Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 6;

    /// <summary>Diagonal blocks and Tr of the H-term relative to ‖H-term‖_F</summary>
    public const double Rtol = 1e-12;

    /// <summary>Relative tolerance of Tr(H) = Tr(G)</summary>
    public const double TraceRtol = 1e-10;

    /// <summary>Tanh control: smallest largest-diagonal-block share</summary>
    public const double MinTanhBlock = 1e-2;

    /// <summary>Tanh and bias controls: smallest |Tr(H-term)| / ‖H-term‖_F</summary>
    public const double MinTanhTrace = 1e-3;
}
