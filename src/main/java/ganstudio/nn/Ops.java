package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Small shared tensor helpers of the network layers. */
final class Ops {

    /**
     * Filters below which a convolution whose input needs a gradient runs with zero filters added. PyTorch
     * 2.5.1's CPU convolution (oneDNN, AVX-512) returned wrong input gradients for fewer than 16 output channels
     * on this project's machine (AMD EPYC: most values off, varying from run to run; 16 and more were exact,
     * and the input channel count did not matter; ConvGradientTest). The generator's last transposed convolution
     * (4 or 12 phase filters) and the penalty's input gradient of the critic's first layer hit that case.
     */
    static final long MIN_GRAD_FILTERS = 16;

    private Ops() {}

    /** [1, C, 1, ...]: a per-channel vector shaped to broadcast over a [N, C, ...] array. */
    static Shape channelShape(Shape shape) {
        long[] dims = new long[shape.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[1] = shape.get(1);
        return new Shape(dims);
    }

    /** A square-kernel 2D convolution with equal stride and padding in both axes; bias may be null. */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        long filters = weight.getShape().get(0);
        if (filters < MIN_GRAD_FILTERS && !x.getDevice().isGpu() && x.hasGradient()) {
            // Same outputs from the first filters; the extra ones compute zeros and are sliced away.
            long extra = MIN_GRAD_FILTERS - filters;
            NDArray w = weight.pad(new Shape(0, 0, 0, 0, 0, 0, 0, extra), 0);
            NDArray b = bias == null ? null : bias.pad(new Shape(0, extra), 0);
            return plain(x, w, b, stride, padding).get(new NDIndex(":, :{}", filters));
        }
        return plain(x, weight, bias, stride, padding);
    }

    private static NDArray plain(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), 1).singletonOrThrow();
    }
}
