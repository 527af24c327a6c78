package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * DJL's PyTorch GradientCollector without its process-wide "one collector at a time" flag. That flag is a
 * static AtomicBoolean in PtGradientCollector (DJL 0.33): two sessions training at once (a paired GAN/WGAN
 * experiment, or a GAN beside a classifier) made the second collector throw "A PtGradientCollector is already
 * collecting". What a collector really switches, PyTorch's grad mode, is per thread, so one collector per
 * training thread is safe; within a thread the code still opens them one after the other.
 */
public final class ThreadGradientCollector implements GradientCollector {

    private final boolean previousGradMode;

    public ThreadGradientCollector() {
        previousGradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** d target / d (every array that requires a gradient), as PtGradientCollector.backward does it. */
    @Override
    public void backward(NDArray target) {
        NDArray ones = target.getManager().ones(target.getShape(), target.getDataType()).toDevice(target.getDevice(),
                false);
        JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
    }

    /** Not used: the trainers zero their own parameters' gradients (DJL's version walks every session's arrays). */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("zero the parameters' gradients directly");
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previousGradMode);
    }
}
