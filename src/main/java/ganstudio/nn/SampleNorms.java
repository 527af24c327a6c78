package ganstudio.nn;

import ai.djl.ndarray.NDArray;

/** Per-sample norms of a batch (first axis = samples), as the gradient penalties take them of input gradients. */
public final class SampleNorms {

    private SampleNorms() {}

    /** [N]: ‖x_i‖² of each sample, over all its other axes. */
    public static NDArray squared(NDArray x) {
        long n = x.getShape().get(0);
        return x.reshape(n, -1).square().sum(new int[] {1});
    }
}
