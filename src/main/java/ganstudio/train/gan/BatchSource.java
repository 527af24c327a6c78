package ganstudio.train.gan;

import ai.djl.ndarray.NDArray;

/** Real samples, one batch at a time, created on the training thread. */
public interface BatchSource extends AutoCloseable {

    NDArray next(int batchSize);

    /** Position in the data order, saved in checkpoints so a resumed run continues it. */
    long position();

    void seek(long position);

    @Override
    default void close() {}
}
