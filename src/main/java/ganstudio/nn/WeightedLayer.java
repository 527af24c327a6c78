package ganstudio.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * A layer with one weight and one bias (dense, convolution, transposed convolution), whose weight may be spectrally
 * normalized. Its parameters are registered as weight, bias, then the σ vector, so a layer without normalization
 * saves exactly what it saved before normalization existed.
 */
abstract class WeightedLayer extends AbstractBlock implements GradLayer, SpectralLayer {

    protected final Parameter weight;
    protected final Parameter bias;
    /** Null unless the weight is spectrally normalized. */
    private final SpectralNorm spectral;

    /**
     * @param spectralNorm whether the layer uses W / σ(W) (see {@link SpectralNorm})
     * @param outputsSecond whether the weight's second axis holds the outputs (a transposed convolution)
     */
    WeightedLayer(boolean spectralNorm, boolean outputsSecond) {
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        spectral = spectralNorm ? new SpectralNorm(outputsSecond) : null;
        if (spectral != null) {
            addParameter(spectral.vector());
        }
    }

    /** The weight the layer computes with: W, or W / σ(W). */
    protected NDArray effectiveWeight(ParameterStore ps, Device device, boolean training) {
        NDArray w = ps.getValue(weight, device, training);
        return spectral == null ? w : spectral.normalize(w);
    }

    /** Sets both shapes (and the σ vector's) from the layer's prepare. */
    protected void setShapes(Shape weightShape, Shape biasShape) {
        weight.setShape(weightShape);
        bias.setShape(biasShape);
        if (spectral != null) {
            spectral.setWeightShape(weightShape);
        }
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
}
