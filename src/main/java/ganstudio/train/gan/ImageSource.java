package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import ganstudio.data.ImageSet;

import java.util.Random;

/**
 * The whole image set lives on the device as one tensor; a batch is one gather by a shuffled index, so no
 * pixels cross from the JVM during training. Each epoch is a new permutation from the run's seed.
 */
public final class ImageSource implements BatchSource {

    private final NDArray all;
    private final NDManager manager;
    private final long seed;
    private final int count;
    private int[] order;
    private long position;

    public ImageSource(ImageSet images, NDManager manager, long seed) {
        this.manager = manager;
        this.seed = seed;
        this.count = images.count();
        this.all = manager.create(images.pixels(),
                new Shape(images.count(), images.channels(), images.height(), images.width()));
        seek(0);
    }

    @Override
    public NDArray next(int batchSize) {
        long[] index = new long[batchSize];
        for (int i = 0; i < batchSize; i++) {
            long epoch = position / count;
            int within = (int) (position % count);
            if (within == 0 || order == null) {
                order = permutation(epoch);
            }
            index[i] = order[within];
            position++;
        }
        try (NDArray idx = manager.create(index)) {
            return all.get(new NDIndex("{}", idx));
        }
    }

    private int[] permutation(long epoch) {
        int[] p = new int[count];
        for (int i = 0; i < count; i++) {
            p[i] = i;
        }
        Random r = new Random(seed * 31 + epoch);
        for (int i = count - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long position) {
        this.position = position;
        this.order = permutation(position / count);
    }

    @Override
    public void close() {
        all.close();
    }
}
