package ganstudio.metrics;

import java.util.List;

/**
 * One logged step: plain numbers only, so it can leave the training thread. Values that do not apply to the
 * objective are NaN (the Wasserstein estimate of a standard GAN, the clip fraction without clipping).
 *
 * @param step generator iterations done
 * @param criticIterations critic iterations done, in total
 * @param wEstimate −(critic loss without the penalty): the Wasserstein estimate of the WGAN objectives
 * @param dReal mean critic output on real samples
 * @param dFake mean critic output on generated samples
 * @param gradNormG L2 norm of all generator gradients of the last G update
 * @param gradNormD L2 norm of all critic gradients of the last critic update
 * @param clipFraction fraction of critic weights at ±c after clipping
 * @param penalty the gradient penalty term (before λ)
 */
public record StepMetrics(
        long step,
        long criticIterations,
        double lossD,
        double lossG,
        double wEstimate,
        double dReal,
        double dFake,
        double gradNormG,
        double gradNormD,
        double clipFraction,
        double penalty,
        double lrG,
        double lrD,
        double samplesPerSecond,
        double wallSeconds) {

    public static final List<String> COLUMNS = List.of("step", "critic_iters", "loss_d", "loss_g", "w_estimate",
            "d_real", "d_fake", "grad_norm_g", "grad_norm_d", "clip_fraction", "penalty", "lr_g", "lr_d",
            "samples_per_s", "wall_s");

    public double[] values() {
        return new double[] {step, criticIterations, lossD, lossG, wEstimate, dReal, dFake, gradNormG, gradNormD,
            clipFraction, penalty, lrG, lrD, samplesPerSecond, wallSeconds};
    }

    public static StepMetrics fromValues(double[] v) {
        return new StepMetrics((long) v[0], (long) v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13], v[14]);
    }

    private static final boolean[] INTEGER = {true, true, false, false, false, false, false, false, false, false,
        false, false, false, false, false};

    public String toCsvRow() {
        return CsvRow.of(values(), INTEGER);
    }
}
