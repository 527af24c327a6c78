package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Batch Renormalization (Ioffe, 2017) over [N, C, ...]: in training, x̂ = (x − μB)/σB · r + d with
 * r = clip(σB/σ, 1/rMax, rMax) and d = clip((μB − μ)/σ, −dMax, dMax) treated as constants, so training sees
 * the same normalization as inference, (x − μ)/σ, whenever the clips are not active. μ and σ are moving
 * averages, saved with the weights.
 */
public class BatchRenorm extends AbstractBlock {

    private static final float EPS = 1e-5f;

    private final float momentum;
    private final float rMax;
    private final float dMax;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningStd;

    /**
     * @param momentum weight of the new batch in the moving averages
     */
    public BatchRenorm(float momentum, float rMax, float dMax) {
        this.momentum = momentum;
        this.rMax = rMax;
        this.dMax = dMax;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        runningStd = addParameter(Parameter.builder().setName("runningStd").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).optInitializer(Initializer.ONES).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape affine = Ops.channelShape(x.getShape());
        NDArray g = ps.getValue(gamma, x.getDevice(), training).reshape(affine);
        NDArray b = ps.getValue(beta, x.getDevice(), training).reshape(affine);
        NDArray mu = ps.getValue(runningMean, x.getDevice(), false);
        NDArray sigma = ps.getValue(runningStd, x.getDevice(), false);
        if (!training) {
            return new NDList(x.sub(mu.reshape(affine)).div(sigma.reshape(affine)).mul(g).add(b));
        }
        NDArray batchMean = channelMean(x, affine);
        NDArray centered = x.sub(batchMean);
        NDArray batchStd = channelMean(centered.square(), affine).add(EPS).sqrt();
        NDArray r = batchStd.stopGradient().div(sigma.reshape(affine)).clip(1 / rMax, rMax);
        NDArray d = batchMean.stopGradient().sub(mu.reshape(affine)).div(sigma.reshape(affine)).clip(-dMax, dMax);
        NDArray y = centered.div(batchStd).mul(r).add(d).mul(g).add(b);
        // The moving averages are state, not part of the graph: update them in place, detached.
        NDArray newMean = batchMean.stopGradient().reshape(mu.getShape());
        NDArray newStd = batchStd.stopGradient().reshape(sigma.getShape());
        Scalars.muli(mu, 1 - momentum).addi(Scalars.mul(newMean, momentum));
        Scalars.muli(sigma, 1 - momentum).addi(Scalars.mul(newStd, momentum));
        return new NDList(y);
    }

    /** The mean over every axis but the channel axis; DJL's PyTorch engine reduces one axis at a time. */
    private static NDArray channelMean(NDArray x, Shape affine) {
        long c = x.getShape().get(1);
        return x.swapAxes(0, 1).reshape(c, -1).mean(new int[] {1}).reshape(affine);
    }


    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape c = new Shape(inputShapes[0].get(1));
        gamma.setShape(c);
        beta.setShape(c);
        runningMean.setShape(c);
        runningStd.setShape(c);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
