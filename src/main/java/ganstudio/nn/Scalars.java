package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic between an array and a constant, with the constant in memory PyTorch owns.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and div, pow, maximum, minimum and their in-place forms) wraps the
 * number in a tensor over a direct ByteBuffer without copying and closes it when the call returns. Autograd
 * keeps that tensor for the backward pass (d(x·c)/dx = c), but nothing on the Java side keeps the buffer: a
 * garbage collection between forward and backward frees it, and the backward pass reads whatever was
 * allocated there since. That gave wrong critic gradients about once in a thousand passes, and at random a
 * NaN critic loss (docs/measurements/few-filter-convolutions-and-nans.md, issue 22 finding 13). A constant made
 * by {@code full} lives as long
 * as autograd holds it. {@code ScalarOperandRuleTest} keeps the Number forms out of the code.
 */
public final class Scalars {

    private Scalars() {}

    /** A 0-dimensional array of {@code value}, of like's type, manager and device. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    public static NDArray mul(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.mul(c);
        }
    }

    public static NDArray muli(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.muli(c);
        }
    }

    public static NDArray div(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.div(c);
        }
    }

    public static NDArray pow(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.pow(c);
        }
    }

    /** Element-wise max(x, value). */
    public static NDArray atLeast(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.maximum(c);
        }
    }

    /** Element-wise min(x, value). */
    public static NDArray atMost(NDArray x, double value) {
        try (NDArray c = of(x, value)) {
            return x.minimum(c);
        }
    }
}
