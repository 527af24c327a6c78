package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multiplies by a fixed factor. It lets the networks work on 2D data of unit scale while samples, the
 * critic's heatmap and the evaluation stay in the data's own coordinates.
 */
public class Scale extends AbstractBlock implements GradLayer {

    private final float factor;

    public Scale(float factor) {
        this.factor = factor;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(Scalars.mul(inputs.singletonOrThrow(), factor));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        return Scalars.mul(gradOutput, factor);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
