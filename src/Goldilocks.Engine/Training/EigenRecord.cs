namespace Goldilocks.Training;

/// <summary>The state of an <see cref="EigenTracking"/> run before the update of <see cref="Step"/>.</summary>
/// <param name="Step">Index of the gradient step (0 = the initial parameters).</param>
/// <param name="Loss">Full-batch loss L(θ).</param>
/// <param name="Eigenvalues">The top-k Hessian eigenvalues, descending.</param>
/// <param name="Eigenvectors">The matching eigenvectors, float64 [P, k] on the CPU, when
/// <see cref="EigenTrackingOptions.KeepEigenvectors"/> is set (otherwise null).</param>
/// <param name="Parameters">θ, float64 [P] on the CPU, when <see cref="EigenTrackingOptions.KeepParameters"/> is set
/// (otherwise null).</param>
/// <param name="SharpeningFactor">−∇L·∇S when <see cref="EigenTrackingOptions.SharpeningFactor"/> is set.</param>
/// <param name="Suppressed">Number of eigen-directions removed from this step's update (App. G; 0 without
/// suppression).</param>
public sealed record EigenRecord(int Step, double Loss, double[] Eigenvalues, Tensor? Eigenvectors, Tensor? Parameters,
    double? SharpeningFactor, int Suppressed)
{
    /// <summary>The sharpness S = λ_max(H), the first recorded eigenvalue.</summary>
    public double Sharpness => Eigenvalues[0];
}
