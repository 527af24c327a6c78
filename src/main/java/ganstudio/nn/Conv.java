package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A square 2D convolution over [N, C, H, W]. */
public class Conv extends WeightedLayer {

    private final long filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean channelsLast;
    private Shape lastInputShape;

    public Conv(long filters, int kernel, int stride, int padding) {
        this(filters, kernel, stride, padding, false, false);
    }

    /** @param spectralNorm whether the layer uses W / σ(W) (see {@link SpectralNorm}) */
    public Conv(long filters, int kernel, int stride, int padding, boolean spectralNorm) {
        this(filters, kernel, stride, padding, false, spectralNorm);
    }

    private Conv(long filters, int kernel, int stride, int padding, boolean channelsLast, boolean spectralNorm) {
        super(spectralNorm, false);
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.channelsLast = channelsLast;
    }


    /**
     * The same convolution, run on the CPU with its input in channels-last memory (see
     * {@link Ops#toChannelsLast}); its output stays channels-last, so the ReLU and max-pool after it do too.
     * Below {@link Ops#MIN_ONEDNN_FILTERS} filters, and on a GPU, the input is left as it is (see Ops.conv2d).
     */
    public static Conv channelsLast(long filters, int kernel, int stride, int padding) {
        return new Conv(filters, kernel, stride, padding, true, false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        lastInputShape = x.getShape();
        NDArray w = effectiveWeight(ps, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        return new NDList(Ops.conv2d(x, w, b, stride, padding, channelsLast));
    }

    @Override
    public NDArray backwardInput(ParameterStore ps, NDArray gradOutput) {
        NDArray w = effectiveWeight(ps, gradOutput.getDevice(), true);
        // The input gradient of a convolution is the transposed convolution with the same weight.
        long outH = TransposedConv.outputSize(gradOutput.getShape().get(2), kernel, stride, padding, 0);
        long outW = TransposedConv.outputSize(gradOutput.getShape().get(3), kernel, stride, padding, 0);
        int padH = (int) (lastInputShape.get(2) - outH);
        int padW = (int) (lastInputShape.get(3) - outW);
        return TransposedConv.apply(gradOutput, w, null, stride, padding, padH, padW);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        setShapes(new Shape(filters, inputShapes[0].get(1), kernel, kernel), new Shape(filters));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
