package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Small shared tensor helpers of the network layers. */
final class Ops {

    private Ops() {}

    /** A square-kernel 2D convolution with equal stride and padding in both axes; bias may be null. */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                .singletonOrThrow();
    }
}
