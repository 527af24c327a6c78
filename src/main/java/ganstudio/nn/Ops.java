package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Small shared tensor helpers of the network layers. */
final class Ops {

    /**
     * Filters below which a CPU convolution runs as gathered patches times a matrix instead of through oneDNN.
     * PyTorch 2.5.1's oneDNN convolution returned wrong input gradients for fewer than 16 output channels on
     * this project's AVX-512 machine (most values off, NaN in about one call in five; ConvGradientTest), and
     * padding such a convolution with zero filters up to 16 still gave whole NaN input-gradient channels about
     * once in a hundred calls inside a training step (the generator's last layer, 64 -> 4 phase filters): the
     * image GAN NaNs of docs/measurements/few-filter-convolutions-and-nans.md. Matrix products (MKL) were exact in
     * every run. The few-filter
     * convolutions are the generator's last layer and the gradient penalty's pass through the critic's first
     * layer, a small share of a step.
     */
    static final long MIN_ONEDNN_FILTERS = 16;

    private Ops() {}

    /** [1, C, 1, ...]: a per-channel vector shaped to broadcast over a [N, C, ...] array. */
    static Shape channelShape(Shape shape) {
        long[] dims = new long[shape.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[1] = shape.get(1);
        return new Shape(dims);
    }

    /**
     * The same [N, C, H, W] values laid out in memory as [N, H, W, C] (PyTorch's channels_last), or x's own
     * layout where it already is so. DJL exposes no memory format; this gets one with views and reshapes only:
     * the NHWC view is copied to contiguous by the first reshape (a view when x is channels-last already, so
     * calling it again costs nothing) and permuted back. PyTorch then runs oneDNN's convolution on NHWC
     * without reordering to and from its blocked format, and keeps the layout through the element-wise ops
     * and max-pool after it, whose NCHW CPU kernel took a third of the fashion baseline CNN's CPU samples.
     */
    static NDArray toChannelsLast(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        // The sample size spelled out rather than -1, which PyTorch cannot infer for an empty batch.
        return x.transpose(0, 2, 3, 1).reshape(n, s.get(1) * s.get(2) * s.get(3))
                .reshape(n, s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** A square-kernel 2D convolution with equal stride and padding in both axes; bias may be null. */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return conv2d(x, weight, bias, stride, padding, false);
    }

    /**
     * The same, with the input of a CPU oneDNN convolution first put in channels-last memory when asked. The
     * patches path gains nothing from the layout, and the GPU path was not measured, so both take x as it is.
     */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding, boolean channelsLast) {
        ConvCheck.noteCall(x, weight, stride, padding);
        if (x.getDevice().isGpu()) {
            return plain(x, weight, bias, stride, padding);
        }
        if (weight.getShape().get(0) < MIN_ONEDNN_FILTERS) {
            return byPatches(x, weight, bias, stride, padding);
        }
        return plain(channelsLast ? toChannelsLast(x) : x, weight, bias, stride, padding);
    }

    /**
     * The convolution as im2col: the k² strided views of the padded input stacked into patch columns
     * [N, C·k², L], then one matrix product with the weight as [F, C·k²]. Autograd sees only padding, slicing,
     * stacking, reshapes and a matrix product, so both gradients come from those.
     */
    static NDArray byPatches(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        Shape ws = weight.getShape();
        long filters = ws.get(0);
        int k = (int) ws.get(2);
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
        long outH = (padded.getShape().get(2) - k) / stride + 1;
        long outW = (padded.getShape().get(3) - k) / stride + 1;
        NDList taps = new NDList(k * k);
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                taps.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", ky, ky + stride * (outH - 1) + 1, stride,
                        kx, kx + stride * (outW - 1) + 1, stride)));
            }
        }
        // [N, C, k², outH, outW] -> [N, C·k², L]: the column order c·k² + ky·k + kx is the weight's own.
        NDArray columns = NDArrays.stack(taps, 2).reshape(n, c * k * k, outH * outW);
        NDArray out = weight.reshape(filters, c * k * k).matMul(columns).reshape(n, filters, outH, outW);
        return bias == null ? out : out.add(bias.reshape(1, filters, 1, 1));
    }

    /** PyTorch's own convolution (oneDNN on the CPU), whatever the filter count: what {@link ConvCheck} tests. */
    static NDArray plainConv(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return plain(x, weight, bias, stride, padding);
    }

    private static NDArray plain(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), 1).singletonOrThrow();
    }
}
