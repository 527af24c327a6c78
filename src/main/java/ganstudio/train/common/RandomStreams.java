package ganstudio.train.common;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Every random draw of training comes from a stream seeded by (run seed, stream, counter), where the counter is
 * a count the checkpoint already holds (critic iterations, generator steps, batches, epochs). A resumed run
 * therefore draws exactly what the uninterrupted run drew, and nothing outside the training math (a checkpoint,
 * a frame, an evaluation) can shift a later draw: PyTorch's generator state is not reachable through DJL, so it
 * is reseeded before each iteration instead of being saved.
 */
public final class RandomStreams {

    /** PyTorch's draws in a critic iteration (noise, instance noise, DiffAugment colour, GP coefficients). */
    public static final long CRITIC = 1;
    /** PyTorch's draws in a generator iteration. */
    public static final long GENERATOR = 2;
    /** Java-side trick draws in a critic iteration (mixup λ, DiffAugment shifts and cutout). */
    public static final long CRITIC_TRICKS = 3;
    /** Java-side trick draws in a generator iteration (DiffAugment shifts and cutout). */
    public static final long GENERATOR_TRICKS = 4;
    /** 2D real samples, per batch. */
    public static final long MIXTURE = 5;
    /** The end-of-run evaluation. */
    public static final long EVALUATION = 6;
    /** A classifier's PyTorch draws per batch (dropout, PGD's start). */
    public static final long CLASSIFIER = 7;
    /** A classifier's augmentation draws per batch. */
    public static final long AUGMENT = 8;
    /** A classifier's shuffle, per epoch. */
    public static final long SHUFFLE = 9;
    /** The unrolled critic's look-ahead iterations, per G step and unroll index. */
    public static final long UNROLL = 10;

    private RandomStreams() {}

    /** The seed of one stream at one counter: SplitMix64's finalizer over the three, so nearby inputs differ. */
    public static long seed(long runSeed, long stream, long counter) {
        long z = mix(runSeed + 0x9E3779B97F4A7C15L);
        z = mix(z ^ (stream * 0xBF58476D1CE4E5B9L));
        return mix(z ^ (counter * 0x94D049BB133111EBL + 0x632BE59BD9B4E019L));
    }

    /** Reseeds PyTorch's generators (CPU and, when present, CUDA) for the coming draws. */
    public static void seedEngine(long runSeed, long stream, long counter) {
        JniUtils.setSeed(seed(runSeed, stream, counter));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
