package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A square transposed 2D convolution (PyTorch's ConvTranspose2d, weight [in, out, k, k]). DJL's PyTorch engine
 * has no deconvolution, so {@link TransposedConv} builds it from one ordinary convolution.
 */
public class Deconv extends WeightedLayer {

    private final long filters;
    private final int kernel;
    private final int stride;
    private final int padding;

    public Deconv(long filters, int kernel, int stride, int padding) {
        this(filters, kernel, stride, padding, false);
    }

    /** @param spectralNorm whether the layer uses W / σ(W), W taken over its outputs (see {@link SpectralNorm}) */
    public Deconv(long filters, int kernel, int stride, int padding, boolean spectralNorm) {
        super(spectralNorm, true);
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }


    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = effectiveWeight(ps, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return new NDList(TransposedConv.apply(x, w, b, stride, padding, 0, 0));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        NDArray w = effectiveWeight(ps, gradOutput.getDevice(), true);
        return Ops.conv2d(gradOutput, w, null, stride, padding);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        setShapes(new Shape(inputShapes[0].get(1), filters, kernel, kernel), new Shape(filters));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters,
                TransposedConv.outputSize(in.get(2), kernel, stride, padding, 0),
                TransposedConv.outputSize(in.get(3), kernel, stride, padding, 0))};
    }
}
