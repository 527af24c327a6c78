package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** y = x + body(x), with a body that keeps the shape. */
public class Residual extends AbstractBlock implements GradLayer {

    private final GradSequential body;

    public Residual(GradSequential body) {
        this.body = addChildBlock("body", body);
    }

    public GradSequential getBody() {
        return body;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = body.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(x.add(y));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        return gradOutput.add(body.backwardInput(ps, gradOutput));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
