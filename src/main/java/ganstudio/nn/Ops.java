package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Small shared tensor helpers of the network layers. */
final class Ops {

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
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                .singletonOrThrow();
    }
}
