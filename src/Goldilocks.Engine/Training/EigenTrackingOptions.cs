namespace Goldilocks.Training;

/// <summary>What <see cref="EigenTracking.Run"/> records (Wang &amp; Roberts Sec. 3.2, Fig. 2, App. G).</summary>
/// <param name="TopK">Number of top Hessian eigenpairs to record (the first is the sharpness S).</param>
/// <param name="RecordEvery">Record every n-th step (and the last).</param>
/// <param name="SharpeningFactor">Also record the progressive-sharpening factor −∇L·∇S (App. G; Damian et al. 2023),
/// one third-order product per record.</param>
/// <param name="KeepEigenvectors">Keep the top-k eigenvectors [P, k] in each record.</param>
/// <param name="KeepParameters">Keep the parameters θ [P] in each record.</param>
public sealed record EigenTrackingOptions(int TopK = 1, int RecordEvery = 1, bool SharpeningFactor = false,
    bool KeepEigenvectors = false, bool KeepParameters = false);
