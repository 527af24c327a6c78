package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Inverted dropout that keeps its last mask, so the input gradient uses the same units. */
public class Dropout extends AbstractBlock implements GradLayer {

    private final float rate;
    private NDArray lastMask;

    public Dropout(float rate) {
        this.rate = rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || rate <= 0) {
            lastMask = null;
            return new NDList(x);
        }
        NDArray keep = x.getManager().randomUniform(0, 1, x.getShape(), x.getDataType(), x.getDevice());
        lastMask = Scalars.mul(keep.gte(rate).toType(x.getDataType(), false), 1 / (1 - rate));
        return new NDList(x.mul(lastMask));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        return lastMask == null ? gradOutput : gradOutput.mul(lastMask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
