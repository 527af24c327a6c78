package ganstudio.nn;

import ganstudio.config.UserError;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalization (Wu and He, 2018) over [N, C, ...]: statistics per sample over each group of C/G
 * channels and all positions, then a per-channel scale and shift. One group is layer normalization.
 * Per-sample statistics keep it valid in a WGAN-GP critic, where batch norm is not.
 */
public class GroupNorm extends AbstractBlock implements GradLayer {

    private static final float EPS = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;
    private NDArray lastNormalized;
    private NDArray lastInvStd;
    private Shape lastShape;

    public GroupNorm(int groups) {
        this.groups = groups;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long n = shape.get(0);
        NDArray grouped = x.reshape(n, groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centered = grouped.sub(mean);
        NDArray invStd = Scalars.pow(centered.square().mean(new int[] {2}, true).add(EPS), -0.5);
        NDArray normalized = centered.mul(invStd);
        lastNormalized = normalized;
        lastInvStd = invStd;
        lastShape = shape;
        Shape affine = Ops.channelShape(shape);
        NDArray g = ps.getValue(gamma, x.getDevice(), training).reshape(affine);
        NDArray b = ps.getValue(beta, x.getDevice(), training).reshape(affine);
        return new NDList(normalized.reshape(shape).mul(g).add(b));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        long n = lastShape.get(0);
        NDArray g = ps.getValue(gamma, gradOutput.getDevice(), true).reshape(Ops.channelShape(lastShape));
        NDArray gy = gradOutput.mul(g).reshape(n, groups, -1);
        // dx = invStd · (gy − mean(gy) − x̂ · mean(gy · x̂)), per sample and group.
        NDArray meanGy = gy.mean(new int[] {2}, true);
        NDArray meanGyX = gy.mul(lastNormalized).mean(new int[] {2}, true);
        return gy.sub(meanGy).sub(lastNormalized.mul(meanGyX)).mul(lastInvStd).reshape(lastShape);
    }


    @Override
    protected void prepare(Shape[] inputShapes) {
        long channels = inputShapes[0].get(1);
        if (channels % groups != 0) {
            throw new ganstudio.config.UserError("model.groups = " + groups + " does not divide the " + channels
                    + " channels of a normalized layer; pick a divisor of " + channels);
        }
        gamma.setShape(new Shape(channels));
        beta.setShape(new Shape(channels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
