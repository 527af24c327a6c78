package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;

import ganstudio.nn.Scalars;

/**
 * The GAN objectives as losses of the critic's raw outputs (logits for the standard GAN), each a mean
 * over the batch. Sigmoid cross-entropy goes through a stable softplus so that confident logits do not
 * turn into infinities.
 */
public enum Objective {
    /** Minimax GAN: D maximizes log D(x) + log(1 − D(G(z))); G minimizes log(1 − D(G(z))). */
    GAN,
    /** Same D; G maximizes log D(G(z)) instead (the non-saturating loss of Goodfellow et al.). */
    NSGAN,
    /** WGAN: the critic maximizes E[f(x)] − E[f(G(z))] under weight clipping; G minimizes −E[f(G(z))]. */
    WGAN,
    /** WGAN with a gradient penalty instead of clipping. */
    WGAN_GP,
    /** WGAN with the one-sided penalty E[max(0, ‖∇f‖ − 1)²] of Petzka et al. (2018): a Lipschitz bound, not a norm. */
    WGAN_LP,
    /** Least squares GAN (targets 1 for real, 0 for fake, 1 for G). */
    LSGAN,
    /** Hinge loss, as in SN-GAN and SAGAN. */
    HINGE;

    public static Objective of(String name) {
        return valueOf(name.toUpperCase().replace('-', '_'));
    }

    public boolean isWasserstein() {
        return this == WGAN || this == WGAN_GP || this == WGAN_LP;
    }

    /** Whether the critic's loss gets a gradient penalty at interpolates (wgan-gp, wgan-lp). */
    public boolean hasGradientPenalty() {
        return this == WGAN_GP || this == WGAN_LP;
    }

    /** The critic's loss from its outputs on real and generated samples. */
    public NDArray criticLoss(NDArray real, NDArray fake) {
        switch (this) {
            case GAN:
            case NSGAN:
                return softplus(real.neg()).mean().add(softplus(fake).mean());
            case WGAN:
            case WGAN_GP:
            case WGAN_LP:
                return fake.mean().sub(real.mean());
            case LSGAN:
                return Scalars.mul(real.sub(1f).square().mean().add(fake.square().mean()), 0.5);
            default:
                return Scalars.atLeast(real.neg().add(1f), 0).mean().add(Scalars.atLeast(fake.add(1f), 0).mean());
        }
    }

    /**
     * The critic's loss with one-sided label smoothing: the target for real samples is {@code realTarget}
     * (e.g. 0.9) instead of 1, fakes keep 0. Only the objectives with targets (gan, nsgan, lsgan) have it.
     */
    public NDArray criticLoss(NDArray real, NDArray fake, float realTarget) {
        if (realTarget == 1f) {
            return criticLoss(real, fake);
        }
        switch (this) {
            case GAN:
            case NSGAN:
                return softTargetLoss(real, realTarget).add(softplus(fake).mean());
            case LSGAN:
                return Scalars.mul(real.sub(realTarget).square().mean().add(fake.square().mean()), 0.5);
            default:
                throw new IllegalStateException(this + " has no targets to smooth");
        }
    }

    /**
     * The part of the critic's loss for outputs with (soft) targets t ∈ [0, 1]: mean of t·softplus(−o) +
     * (1 − t)·softplus(o) (the sigmoid cross-entropy), or ½·mean (o − t)² for LSGAN.
     */
    public NDArray softTargetLoss(NDArray out, Object target) {
        NDArray t = target instanceof NDArray ? (NDArray) target : out.zerosLike().add((Float) target);
        if (this == LSGAN) {
            return Scalars.mul(out.sub(t).square().mean(), 0.5);
        }
        return t.mul(softplus(out.neg())).add(t.neg().add(1f).mul(softplus(out))).mean();
    }

    /** The generator's loss from the critic's outputs on generated samples. */
    public NDArray generatorLoss(NDArray fake) {
        switch (this) {
            case GAN:
                return softplus(fake).mean().neg();
            case NSGAN:
                return softplus(fake.neg()).mean();
            case LSGAN:
                return Scalars.mul(fake.sub(1f).square().mean(), 0.5);
            default:
                return fake.mean().neg();
        }
    }

    /** log(1 + e^x) = max(x, 0) + log(1 + e^−|x|), finite for every finite x. */
    static NDArray softplus(NDArray x) {
        return Scalars.atLeast(x, 0).add(x.abs().neg().exp().add(1f).log());
    }
}
