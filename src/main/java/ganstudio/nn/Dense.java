package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A fully connected layer, y = x W^T + b, over the last axis of a [N, in] input. */
public class Dense extends AbstractBlock implements GradLayer {

    private final long units;
    private final Parameter weight;
    private final Parameter bias;
    private long inputUnits;

    public Dense(long units) {
        this.units = units;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return Linear.linear(x, w, b);
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        NDArray w = ps.getValue(weight, gradOutput.getDevice(), true);
        return gradOutput.matMul(w);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        inputUnits = inputShapes[0].get(inputShapes[0].dimension() - 1);
        weight.setShape(new Shape(units, inputUnits));
        bias.setShape(new Shape(units));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(units)};
    }
}
