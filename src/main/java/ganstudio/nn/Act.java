package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** An element-wise activation that also knows its derivative. */
public class Act extends AbstractBlock implements GradLayer {

    /** The supported functions. */
    public enum Kind { RELU, LEAKY_RELU, GELU, TANH, SIGMOID }

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));

    private final Kind kind;
    private final float slope;
    private NDArray lastInput;
    private NDArray lastOutput;

    public Act(Kind kind, float slope) {
        this.kind = kind;
        this.slope = slope;
    }

    /** From a config name: relu, leakyrelu, gelu, sigmoid. */
    public static Act of(String name, double slope) {
        switch (name) {
            case "relu":
                return new Act(Kind.RELU, 0);
            case "leakyrelu":
                return new Act(Kind.LEAKY_RELU, (float) slope);
            case "gelu":
                return new Act(Kind.GELU, 0);
            case "sigmoid":
                return new Act(Kind.SIGMOID, 0);
            default:
                throw new IllegalArgumentException("unknown activation " + name);
        }
    }

    public Kind getKind() {
        return kind;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        lastInput = x;
        NDArray y;
        switch (kind) {
            case RELU:
                y = Activation.relu(x);
                break;
            case LEAKY_RELU:
                y = Activation.leakyRelu(x, slope);
                break;
            case GELU:
                y = Activation.gelu(x);
                break;
            case TANH:
                y = x.tanh();
                break;
            default:
                y = x.getNDArrayInternal().sigmoid();
                break;
        }
        lastOutput = y;
        return new NDList(y);
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray g) {
        NDArray x = lastInput;
        switch (kind) {
            case RELU:
                // The mask is piecewise constant: no second-order term is lost by treating it as data.
                return g.mul(x.gt(0).toType(g.getDataType(), false));
            case LEAKY_RELU:
                return g.mul(Scalars.mul(x.gt(0).toType(g.getDataType(), false), 1 - slope).add(slope));
            case GELU: {
                // d/dx x·Φ(x) = Φ(x) + x·φ(x), kept as ops of x so the penalty sees its dependence on weights.
                NDArray cdf = Scalars.mul(Scalars.mul(x, INV_SQRT2).erf().add(1f), 0.5);
                NDArray pdf = Scalars.mul(Scalars.mul(x.square(), -0.5).exp(), INV_SQRT_2PI);
                return g.mul(cdf.add(x.mul(pdf)));
            }
            case TANH:
                return g.mul(lastOutput.square().neg().add(1f));
            default:
                return g.mul(lastOutput.mul(lastOutput.neg().add(1f)));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
