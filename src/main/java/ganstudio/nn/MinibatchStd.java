package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The minibatch standard deviation of ProGAN (Karras et al., 2018): appends one feature to each sample (a
 * constant channel for images), s = the mean over features of each feature's standard deviation over the batch.
 * A critic then sees how varied a batch is, and a generator that collapses shows it. Outside training (a heatmap
 * over a grid of points is no batch) s is the last training batch's, kept as a parameter that does not train.
 */
public class MinibatchStd extends AbstractBlock implements GradLayer {

    /** Keeps the square root differentiable for a feature that is constant over the batch. */
    static final float EPS = 1e-8f;

    private final Parameter lastStd;
    private NDArray lastInput;
    private NDArray lastFeatureStd;

    public MinibatchStd() {
        lastStd = addParameter(Parameter.builder().setName("batchStd").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray s;
        if (training) {
            lastInput = x;
            NDArray mean = x.mean(new int[] {0}, true);
            lastFeatureStd = x.sub(mean).square().mean(new int[] {0}, true).add(EPS).sqrt();
            s = lastFeatureStd.mean();
            NDArray kept = lastStd.getArray();
            Scalars.muli(kept, 0).addi(s.stopGradient().reshape(kept.getShape()));
        } else {
            s = lastStd.getArray().reshape(new Shape());
        }
        Shape xs = x.getShape();
        long[] dims = xs.getShape().clone();
        dims[1] = 1;
        NDArray feature = x.getManager().ones(new Shape(dims), x.getDataType(), x.getDevice()).mul(s);
        return new NDList(NDArrays.concat(new NDList(x, feature), 1));
    }

    /**
     * g_x + (Σ g_s) · (x − μ) / (N · std · F): each std's derivative (x − μ)/(N · std), averaged over the F
     * features per sample; the mean's own derivative cancels because the deviations sum to zero.
     */
    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        Shape xs = lastInput.getShape();
        long features = xs.size() / xs.get(0);
        long channels = xs.get(1);
        NDArray gx = gradOutput.get(":, 0:" + channels);
        NDArray gs = gradOutput.get(":, " + channels + ":").sum();
        NDArray mean = lastInput.mean(new int[] {0}, true);
        NDArray ds = lastInput.sub(mean).div(Scalars.mul(lastFeatureStd, (double) xs.get(0) * features));
        return gx.add(ds.mul(gs));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        lastStd.setShape(new Shape(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = inputShapes[0].getShape().clone();
        dims[1] += 1;
        return new Shape[] {new Shape(dims)};
    }
}
