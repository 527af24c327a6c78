package ganstudio.tricks;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.nn.Scalars;

import ai.djl.ndarray.NDArray;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Balanced consistency regularization (bCR, Zhao et al., 2020): the critic is asked to give an augmented image the
 * score it gives the image, λ·(E(D(T(x)) − D(x))² + E(D(T(G(z))) − D(G(z)))²), with T drawn anew each critic
 * iteration from the DiffAugment parts the run uses (translation when it uses none). With DiffAugment on, x is
 * already augmented once and T is a second, independent draw: the critic learns to agree across augmentations.
 */
public final class ConsistencyRegularization implements Trick {

    public static final TrickType TYPE = new TrickType("consistency regularization", "gan",
            List.of(ConfigSchema.TRICKS_CONSISTENCY), c -> c.getDouble(ConfigSchema.TRICKS_CONSISTENCY) > 0,
            ConsistencyRegularization::requireSingleImages,
            s -> new ConsistencyRegularization(s.config().getDouble(ConfigSchema.TRICKS_CONSISTENCY),
                    policy(s.config())));

    private final double lambda;
    private final DiffAugment transform;

    public ConsistencyRegularization(double lambda, String policy) {
        this.lambda = lambda;
        this.transform = new DiffAugment(policy, 0);
    }

    private static String policy(RunConfig c) {
        String parts = c.getString(ConfigSchema.TRICKS_DIFF_AUGMENT);
        return parts.isBlank() ? "translation" : parts;
    }

    private static void requireSingleImages(RunConfig c) {
        if (c.isTwoDimensional()) {
            throw new UserError("tricks.consistency augments images; data.kind = "
                    + c.getString(ConfigSchema.DATA_KIND) + " is 2D: leave it at 0");
        }
        if (c.getInt(ConfigSchema.TRICKS_PACK) > 1) {
            throw new UserError("tricks.consistency augments single images, but tricks.pack = "
                    + c.getInt(ConfigSchema.TRICKS_PACK) + " hands D packs of them: use one of the two");
        }
    }

    @Override
    public void startCriticIteration(SplittableRandom random) {
        transform.reseed(random.nextLong());
    }

    @Override
    public NDArray criticLoss(NDArray loss, CriticPass pass) {
        NDArray onReal = pass.critic(transform.apply(pass.real())).sub(pass.realOutput()).square().mean();
        NDArray onFake = pass.critic(transform.apply(pass.fake())).sub(pass.fakeOutput()).square().mean();
        return loss.add(Scalars.mul(onReal.add(onFake), lambda));
    }

    @Override
    public List<String> describe() {
        return List.of("consistency regularization λ " + lambda);
    }
}
