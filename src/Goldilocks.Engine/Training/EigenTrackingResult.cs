namespace Goldilocks.Training;

/// <summary>A run of <see cref="EigenTracking.Run"/>.</summary>
/// <param name="Records">The recorded states in step order.</param>
/// <param name="Diverged">True when the loss, parameters or gradient stopped being finite.</param>
/// <param name="StepsTaken">Updates applied before the run ended (the requested steps, or the step at which it
/// diverged).</param>
/// <param name="LearningRate">η of the run.</param>
/// <param name="FinalParameters">θ after the last update, owned by the caller (null if the run diverged).</param>
public sealed record EigenTrackingResult(IReadOnlyList<EigenRecord> Records, bool Diverged, int StepsTaken, double LearningRate, Tensor? FinalParameters)
{
    /// <summary>The recorded losses.</summary>
    public double[] Losses => Records.Select(r => r.Loss).ToArray();

    /// <summary>The recorded sharpness S.</summary>
    public double[] Sharpness => Records.Select(r => r.Sharpness).ToArray();

    /// <summary>ηS/2 at each record: 1 at the stability limit S = 2/η (Cohen et al. 2021).</summary>
    public double[] StabilityRatio => Records.Select(r => LearningRate * r.Sharpness / 2).ToArray();
}
