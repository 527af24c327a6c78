package ganstudio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import ganstudio.data.Mixture2D;

import java.util.Random;

/** Fresh samples of a 2D mixture for every batch, from a seeded generator (so runs repeat exactly). */
public final class MixtureSource implements BatchSource {

    private final Mixture2D mixture;
    private final NDManager manager;
    private final long seed;
    private Random random;
    private long batches;
    private float[] buffer = new float[0];

    public MixtureSource(Mixture2D mixture, NDManager manager, long seed) {
        this.mixture = mixture;
        this.manager = manager;
        this.seed = seed;
        this.random = new Random(seed);
    }

    @Override
    public NDArray next(int batchSize) {
        if (buffer.length != batchSize * 2) {
            buffer = new float[batchSize * 2];
        }
        mixture.sample(random, buffer, batchSize);
        batches++;
        return manager.create(buffer, new Shape(batchSize, 2));
    }

    @Override
    public long position() {
        return batches;
    }

    @Override
    public void seek(long position) {
        // A fresh stream per resume point: exact continuation would need Random's hidden state.
        random = new Random(seed * 1_000_003L + position);
        batches = position;
    }
}
