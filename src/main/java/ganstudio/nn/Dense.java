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
public class Dense extends AbstractBlock implements GradLayer, SpectralLayer {

    private final long units;
    private final Parameter weight;
    private final Parameter bias;
    /** Null unless the weight is spectrally normalized. */
    private final SpectralNorm spectral;
    private long inputUnits;

    public Dense(long units) {
        this(units, false);
    }

    /** @param spectralNorm whether the layer uses W / σ(W) (see {@link SpectralNorm}) */
    public Dense(long units, boolean spectralNorm) {
        this.units = units;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        spectral = spectralNorm ? new SpectralNorm(false) : null;
        if (spectral != null) {
            addParameter(spectral.vector());
        }
    }

    /** The weight the layer computes with: W, or W / σ(W). */
    private NDArray effectiveWeight(ParameterStore ps, ai.djl.Device device, boolean training) {
        NDArray w = ps.getValue(weight, device, training);
        return spectral == null ? w : spectral.normalize(w);
    }

    /** The normalization, or null (for tests). */
    SpectralNorm spectralNorm() {
        return spectral;
    }

    @Override
    public void powerIteration() {
        if (spectral != null) {
            spectral.powerIteration(weight.getArray());
        }
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
        weight.setShape(new Shape(units, inputUnits));
        bias.setShape(new Shape(units));
        if (spectral != null) {
            spectral.setWeightShape(weight.getShape());
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(units)};
    }
}
