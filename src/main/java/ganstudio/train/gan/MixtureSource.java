package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import ganstudio.data.Mixture2D;
import ganstudio.train.common.RandomStreams;

import java.util.Random;

/**
 * Fresh samples of a 2D mixture for every batch, each batch from its own stream seeded by (seed, batch index), so a
 * run resumed at any batch draws what the uninterrupted run drew.
 */
public final class MixtureSource implements BatchSource {

    private final Mixture2D mixture;
    private final NDManager manager;
    private final long seed;
    private long batches;
    private float[] buffer = new float[0];

    public MixtureSource(Mixture2D mixture, NDManager manager, long seed) {
        this.mixture = mixture;
        this.manager = manager;
        this.seed = seed;
    }

    @Override
    public NDArray next(int batchSize) {
        if (buffer.length != batchSize * 2) {
            buffer = new float[batchSize * 2];
        }
        mixture.sample(new Random(RandomStreams.seed(seed, RandomStreams.MIXTURE, batches)), buffer, batchSize);
        batches++;
        return manager.create(buffer, new Shape(batchSize, 2));
    }

    @Override
    public long position() {
        return batches;
    }

    @Override
    public void seek(long position) {
        batches = position;
    }
}
