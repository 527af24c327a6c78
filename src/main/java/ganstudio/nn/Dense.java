package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A fully connected layer, y = x W^T + b, over the last axis of a [N, in] input. */
public class Dense extends WeightedLayer {

    private final long units;
    private long inputUnits;

    public Dense(long units) {
        this(units, false);
    }

    /** @param spectralNorm whether the layer uses W / σ(W) (see {@link SpectralNorm}) */
    public Dense(long units, boolean spectralNorm) {
        super(spectralNorm, false);
        this.units = units;
    }


    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = effectiveWeight(ps, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return Linear.linear(x, w, b);
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        return gradOutput.matMul(effectiveWeight(ps, gradOutput.getDevice(), true));
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        inputUnits = inputShapes[0].get(inputShapes[0].dimension() - 1);
        setShapes(new Shape(units, inputUnits), new Shape(units));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(units)};
    }
}
