package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Reshapes every sample to a fixed shape (the batch axis stays); flattening is Reshape(-1). */
public class Reshape extends AbstractBlock implements GradLayer {

    private final long[] sampleShape;
    private Shape lastInputShape;

    public Reshape(long... sampleShape) {
        this.sampleShape = sampleShape.clone();
    }

    private Shape target(long batch) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = batch;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return new Shape(dims);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        lastInputShape = x.getShape();
        return new NDList(x.reshape(target(x.getShape().get(0))));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        return gradOutput.reshape(lastInputShape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] dims = target(in.get(0)).getShape();
        if (sampleShape.length == 1 && sampleShape[0] == -1) {
            dims[1] = in.size() / in.get(0);
        }
        return new Shape[] {new Shape(dims)};
    }
}
