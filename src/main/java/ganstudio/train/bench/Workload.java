package ganstudio.train.bench;

/** One timed unit of work of the bench: a generator iteration, or one classifier training step. */
public interface Workload extends AutoCloseable {

    String name();

    /** Samples per iteration, as the reference counts them (the batch size). */
    int batchSize();

    /** Analytic FLOPs of one iteration ({@link Flops}). */
    long flopsPerIteration();

    /** Runs one iteration; returns when its results are computed (on a GPU: synchronized). */
    void iterate();

    @Override
    void close();
}
