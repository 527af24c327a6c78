package ganstudio.train.common;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Readies PyTorch on the thread that is about to train, the same way for every trainer and benchmark, so that a
 * GAN, a classifier and their benchmarks differ only in what they train.
 */
public final class EngineSetup {

    private EngineSetup() {}

    /**
     * Loads the natives, turns grad mode off (PyTorch's grad mode is per thread and on by default; DJL turns it on
     * only inside a GradientCollector), sets the intra-op thread count and seeds the engine's generator, which
     * draws the initial weights (each iteration then reseeds for itself, see {@link RandomStreams}).
     *
     * @param threads PyTorch threads; 0 leaves PyTorch's default (all cores)
     */
    public static Engine prepare(int threads, long seed) {
        Engine engine = setThreads(threads);
        JniUtils.setGradMode(false);
        engine.setRandomSeed((int) (seed & 0x7fffffff));
        return engine;
    }

    /** Loads the natives (before any direct JNI call) and sets the thread count when threads is above 0. */
    public static Engine setThreads(int threads) {
        Engine engine = Engine.getInstance();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        return engine;
    }
}
