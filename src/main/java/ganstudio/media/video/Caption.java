package ganstudio.media.video;

import ganstudio.metrics.StepMetrics;

/**
 * What the overlay says about one run at one frame: name, objective, step and the latest logged losses.
 * NaN values (no metrics yet, no Wasserstein estimate for a standard GAN) are left out.
 */
public record Caption(String title, String objective, long step, long totalSteps, double lossD, double lossG,
        double wEstimate) {

    public static Caption of(String title, String objective, long step, long totalSteps, StepMetrics latest) {
        if (latest == null) {
            return new Caption(title, objective, step, totalSteps, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Caption(title, objective, step, totalSteps, latest.lossD(), latest.lossG(), latest.wEstimate());
    }

    /** A caption without metrics (a dashboard already shows them; the frame still says its step). */
    public static Caption stepOnly(String title, long step, long totalSteps) {
        return new Caption(title, "", step, totalSteps, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The objective as people say it: wgan → WGAN (clip), wgan-gp → WGAN-GP, … */
    public static String describeObjective(String kind) {
        return switch (kind) {
            case "gan" -> "GAN (minimax)";
            case "nsgan" -> "GAN (non-saturating)";
            case "wgan" -> "WGAN (clip)";
            case "wgan-gp" -> "WGAN-GP";
            case "wgan-lp" -> "WGAN-LP";
            case "lsgan" -> "LSGAN";
            case "hinge" -> "hinge GAN";
            default -> kind;
        };
    }
}
