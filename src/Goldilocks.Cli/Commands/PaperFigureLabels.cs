namespace Goldilocks.Cli.Commands;

/// <summary>
/// For every figure file the report embeds: the paper's figure it corresponds to and one line on what the paper's figure
/// shows (paper 000 = Deconstructing the Goldilocks zone, Wang &amp; Roberts, Sagun et al.). <c>goldilocks report</c>
/// refuses a figure that has no entry here, so every figure in report.html carries its paper figure number.
/// </summary>
internal static class PaperFigureLabels
{
    private static readonly Dictionary<string, (string Figure, string Shows)> Labels = new()
    {
        ["zone-pc.png"] = ("Paper 000 Fig. 1 (left) and Fig. 2 (top)",
            "Positive curvature of the Hessian, G-term and H-term over the initialization scale α (LeNet-300-100 on FashionMNIST, d = 50): the Hessian's excess of positive curvature peaks near α = 1 and is lost at both ends."),
        ["zone-convexity.png"] = ("Paper 000 Fig. 1 (left)",
            "Local convexity (share of positive eigenvalues) over α: the Goldilocks zone is a narrow band of initialization scales."),
        ["zone-spectral-norm.png"] = ("Paper 000 Fig. 2 (bottom)",
            "Spectral norms of H, G-term and H-term over α: the H-term dominates at small α, the G-term vanishes at large α (softmax collapse)."),
        ["temperature-alpha-pc.png"] = ("Paper 000 Fig. 1 (middle)",
            "With the temperature T = α^L, positive curvature is high at an initialization of any norm."),
        ["temperature-alpha-convexity.png"] = ("Paper 000 Fig. 1 (middle)",
            "With T = α^L, local convexity no longer depends on α."),
        ["temperature-alpha-spectral-norm.png"] = ("Paper 000 Fig. 1 (middle), Eq. 5",
            "With T = α^L, the Hessian is only rescaled (∝ α⁻²), so the scale-free measures above stay constant."),
        ["temperature-t-pc.png"] = ("Paper 000 Fig. 1 (right)",
            "At the unscaled initialization, varying the temperature alone recreates the Goldilocks zone."),
        ["temperature-t-convexity.png"] = ("Paper 000 Fig. 1 (right)",
            "Local convexity over T at α = 1: small T acts like large α, large T like small α."),
        ["temperature-t-spectral-norm.png"] = ("Paper 000 Fig. 1 (right), Fig. 2 (bottom)",
            "Spectral norms over T at α = 1, the counterpart of the norms over α."),
        ["gamma-paths.png"] = ("Paper 000 Fig. 4 (right)",
            "Γ⁻² of diag(p) − ppᵀ for 30 logit sets scaled by α ∈ [1e-2, 1e2] (pink) and for their average matrix (red): Γ⁻² grows as the softmax entropy falls."),
        ["gamma-eq8.png"] = ("Paper 000 Fig. 3",
            "Excess of positive eigenvalues of the true G-term and of its expectation from Eq. 8 over logits of different confidence (d = 50, min-max over 3 seeds): the two agree."),
        ["prior-gradient.png"] = ("Paper 000 Fig. 5 (b)",
            "Gradient norms of LeNet-5 on CIFAR-10 subsets with 2,000 class priors drawn from the simplex follow a linear trend in ‖Q̂ − Q‖ with the slope Eq. 9 predicts."),
        ["prior-gradient-cosine.png"] = ("Paper 000 Fig. 5 (a)",
            "Gradients at one initialization on different datasets (SVHN, CIFAR-10, random noise) point the same way: their cosine similarity is high."),
        ["confidence-entropy.png"] = ("Paper 000 Fig. 6",
            "Over 2,000 Kaiming initializations of LeNet-5 on one CIFAR-10 batch: positive curvature against the mean softmax entropy (model confidence)."),
        ["confidence-gradient.png"] = ("Paper 000 Fig. 6",
            "The same initializations: positive curvature against the loss gradient norm."),
        ["confidence-loss.png"] = ("Paper 000 Fig. 6",
            "The same initializations: positive curvature against the initial loss."),
        ["trainability-accuracy.png"] = ("Paper 000 Fig. 8 (left)",
            "Maximum training accuracy of gradient descent across initialization scales α and base learning rates η₀."),
        ["trainability-norm.png"] = ("Paper 000 Fig. 8 (middle)",
            "Maximum parameter norm reached in training; large-norm initializations diverge or collapse."),
        ["trainability-zero-logits.png"] = ("Paper 000 Fig. 8 (middle, azure)",
            "Models that develop over 75 % zero logits and never recover from that regime."),
        ["trainability-sharpness.png"] = ("Paper 000 Fig. 8 (right)",
            "Effective learning rate times the initial curvature ‖H‖₂: configurations above 2 are inadmissible."),
        ["trainability-uso.png"] = ("Paper 000 Fig. 11 (right)",
            "The uniform-softmax-output model: cosine of the parameter vector with the initial point and with the negative gradient along its divergence."),
        ["instability-dln-sharpness.png"] = ("Wang & Roberts Fig. 1 (left)",
            "A two-parameter deep linear network trained at a learning rate set from the stability limit 2/λ_max at initialization: the regimes of the sharpness."),
        ["instability-dln-rotation.png"] = ("Wang & Roberts Fig. 1 (right)",
            "The same trajectories: the orientation of the top Hessian eigenvector rotates during the instability."),
        ["instability-mlp-sharpness.png"] = ("Wang & Roberts Sec. 2.1 (after Cohen et al. 2021)",
            "Progressive sharpening: λ_max rises until η·λ_max/2 ≈ 1, then hovers at the edge of stability."),
        ["instability-mlp-rotation.png"] = ("Wang & Roberts Fig. 2 (top)",
            "During instabilities the sharpest Hessian eigenvectors rotate away smoothly and monotonically."),
        ["instability-mlp-loss.png"] = ("Wang & Roberts Sec. 2.1 (after Cohen et al. 2021)",
            "At the edge of stability the training loss keeps falling, but not monotonically."),
        ["spectrum-density.png"] = ("Sagun et al. Fig. 1 (left)",
            "The Hessian spectrum at a random point: a bulk of eigenvalues concentrated near zero and a few outliers to the right."),
        ["spectrum-top.png"] = ("Sagun et al. Fig. 3",
            "Scree plot of the largest eigenvalues with a visible gap: the number of eigenvalues above the gap matches the number of classes."),
        ["dimension-gterm-pc.png"] = ("Paper 000 Fig. 4 (left)",
            "The excess of positive eigenvalues of the projected G-term grows with the dimension of the low-rank hyperplane it is projected on (Eq. 8)."),
        ["dimension-pc.png"] = ("Paper 000 Fig. 4 (left); Fort & Scherlis Fig. 3",
            "Positive curvature against the subspace dimension d at one α: larger d, higher excess of positive eigenvalues."),
        ["hutchinson-pc.png"] = ("Paper 000 Fig. 13",
            "Positive curvature from the projected Hessian (left) and from Hutchinson's stochastic trace estimation (right): the same boundaries and shape of the Goldilocks zone."),
        ["pre-collapse-pc.png"] = ("Paper 000 Fig. 10 (bottom)",
            "LeNet-300-100 on FashionMNIST: per-sample softmax entropies collapse as α grows, and positive curvature falls to 1 before the G-term vanishes."),
        ["pre-collapse-dominance.png"] = ("Paper 000 Fig. 10 (top), App. D",
            "In the pre-collapse regime one uncertain sample (a bag) takes control of the G-term, so the first layer's principal curvature direction is that sample's input."),
        ["pre-collapse-eigenvector.png"] = ("Paper 000 Fig. 10 (top)",
            "The top eigenvector of the first layer's Hessian, averaged across the hidden dimension and reshaped as a 28×28 input image, turns into the picture of one bag as α grows (panels on different scales)."),
    };

    /// <summary>The paper figure and one-line description for <paramref name="file"/>.</summary>
    /// <exception cref="InvalidOperationException">The figure has no label (add one here).</exception>
    public static (string Figure, string Shows) For(string file) =>
        Labels.TryGetValue(file, out var label) ? label
            : throw new InvalidOperationException($"report figure {file} has no paper figure label (PaperFigureLabels)");
}
