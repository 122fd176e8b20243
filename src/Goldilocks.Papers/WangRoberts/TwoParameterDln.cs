namespace Goldilocks.Papers.WangRoberts;

/// <summary>
/// The two-parameter DLN L = z(θ₁θ₂) of Wang &amp; Roberts Sec. 3.1 / App. B, with the corrected statements derived in
/// specs/W2-W4: GD moves θ_k by −ηz'θ_other (the paper's "+" is a sign slip); s = (θ₁²+θ₂²)/Θ so sz' ≥ 2|z'| &gt; 0.
/// Let x = ηz'. One GD step multiplies r₁ = θ₂² − θ₁² by 1 − x² and Θ by 1 − sx + x² (exact).
/// </summary>
/// <param name="Z">The loss z as a function of the output Θ.</param>
/// <param name="Theta1">θ₁.</param>
/// <param name="Theta2">θ₂.</param>
public sealed record TwoParameterDln(EvenPolynomialLoss Z, double Theta1, double Theta2)
{
    /// <summary>θ = (θ₁, θ₂).</summary>
    public double[] Parameters => new[] { Theta1, Theta2 };

    /// <summary>Θ = θ₁θ₂.</summary>
    public double Output => Theta1 * Theta2;

    /// <summary>z'(Θ).</summary>
    public double ZPrime => Z.First(Output);

    /// <summary>z''(Θ).</summary>
    public double ZSecond => Z.Second(Output);

    /// <summary>Eq. 4: [[z''θ₂², z''Θ + z'], [z''Θ + z', z''θ₁²]].</summary>
    public double[,] Hessian() => new[,]
    {
        { ZSecond * Theta2 * Theta2, ZSecond * Output + ZPrime },
        { ZSecond * Output + ZPrime, ZSecond * Theta1 * Theta1 },
    };

    /// <summary>Eq. 5: λ₁,₂ = [z''(θ₁²+θ₂²) ± √(z''²(θ₁²−θ₂²)² + 4(z' + z''Θ)²)]/2, λ₁ first.</summary>
    public (double Top, double Bottom) Eigenvalues()
    {
        double trace = ZSecond * (Theta1 * Theta1 + Theta2 * Theta2);
        double root = Math.Sqrt(Math.Pow(ZSecond * ParameterImbalance, 2) + 4 * Math.Pow(ZPrime + ZSecond * Output, 2));
        return ((trace + root) / 2, (trace - root) / 2);
    }

    /// <summary>r₁ = θ₂² − θ₁² (App. B.1): positive when θ₁ is the sharper parameter.</summary>
    public double ParameterImbalance => Theta2 * Theta2 - Theta1 * Theta1;

    /// <summary>r₂ = 2(z' + z''Θ)/z'' (App. B.1); for z = Θ^q exactly 2qΘ/(q−1).</summary>
    public double CouplingScale => 2 * (ZPrime + ZSecond * Output) / ZSecond;

    /// <summary>β = |r₁/r₂| (Eq. 1/6).</summary>
    public double Beta => Math.Abs(ParameterImbalance / CouplingScale);

    /// <summary>
    /// Eq. 6: R₂ = β + √(β²+1). Corrected reading: R₂ = max(|u₁,₁/u₁,₂|, |u₁,₂/u₁,₁|), the alignment of v₁ with
    /// whichever parameter is currently the sharper one; it equals |u₁,₁/u₁,₂| only while θ₂² &gt; θ₁².
    /// </summary>
    public double RatioR2 => Beta + Math.Sqrt(Beta * Beta + 1);

    /// <summary>
    /// |u₁,₁/u₁,₂|, the alignment of v₁ with θ₁ itself: sgn(r₁)β + √(β²+1) (from u₁,₁/u₁,₂ = (λ₁ − z''θ₁²)/(z' + z''Θ)).
    /// </summary>
    public double AlignmentWithTheta1 => Math.Sign(ParameterImbalance) * Beta + Math.Sqrt(Beta * Beta + 1);

    /// <summary>s = θ₁/θ₂ + θ₂/θ₁ = (θ₁²+θ₂²)/Θ (Eq. 2); |s| ≥ 2, with the sign of Θ.</summary>
    public double S => (Theta1 * Theta1 + Theta2 * Theta2) / Output;

    /// <summary>γ_{r₁} = 1 − η²z'² (App. B.2, exact).</summary>
    public double ImbalanceFactor(double learningRate) => 1 - Math.Pow(learningRate * ZPrime, 2);

    /// <summary>γ_Θ = 1 − sηz' + η²z'² (App. B.2, exact for GD θ ← θ − η∇L).</summary>
    public double OutputFactor(double learningRate)
    {
        double x = learningRate * ZPrime;
        return 1 - S * x + x * x;
    }

    /// <summary>γ_β = |γ_{r₁}/γ_Θ| (Eq. 2): exact when z is a monomial (r₂ ∝ Θ), an approximation otherwise.</summary>
    public double BetaFactor(double learningRate) => Math.Abs(ImbalanceFactor(learningRate) / OutputFactor(learningRate));

    /// <summary>
    /// The exact rotation threshold (W4): |u₁,₁/u₁,₂| grows after one step iff η &lt; η* and shrinks iff η &gt; η*, with
    /// η*z' = 2/s, i.e. η* = 2Θ/(z'(θ₁²+θ₂²)) (for z = Θ^q: η* = 2(q−1)/tr H; for z = Θ²: η* = 1/(θ₁²+θ₂²)).
    /// </summary>
    public double RotationThreshold => 2 / (S * ZPrime);

    /// <summary>ηz' = s/2: above it the unsigned R₂ grows again (r₁ has flipped sign), contradicting the paper's
    /// "γ_β &lt; 1 for every η past the threshold".</summary>
    public double RegrowthThreshold => S / (2 * ZPrime);

    /// <summary>The asymptote of γ_β (γ_Θ = 0): ηz' = min(|θ₁/θ₂|, |θ₂/θ₁|); the smaller parameter lands on 0.</summary>
    public double AsymptoteLearningRate => Math.Min(Math.Abs(Theta1 / Theta2), Math.Abs(Theta2 / Theta1)) / Math.Abs(ZPrime);

    /// <summary>2/H_kk for the sharper coordinate k (the paper's η_eos for quadratic z: 2θ₁/(θ₂z') = 1/θ₂²).</summary>
    public double CoordinateStabilityLimit => 2 / (ZSecond * Math.Max(Theta1 * Theta1, Theta2 * Theta2));

    /// <summary>2/λ_max, the descent-lemma stability limit.</summary>
    public double StabilityLimit => 2 / Eigenvalues().Top;

    /// <summary>The state after one GD step with learning rate η.</summary>
    public TwoParameterDln Step(double learningRate)
    {
        var next = DiagonalLinearNetworkTheory.Step(Z, Parameters, learningRate);
        return this with { Theta1 = next[0], Theta2 = next[1] };
    }
}
