package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A layer that can give the gradient of its last forward pass with respect to its input, built from ordinary
 * differentiable ops. WGAN-GP needs d(critic)/d(input) as a function of the critic's weights; PyTorch's
 * create_graph backward would do it, but through DJL it also writes graph-carrying .grad fields into every
 * weight that cannot be reset to None, which leaks one graph per step. Computing the input gradient as a
 * forward expression keeps the penalty an ordinary node of one graph.
 */
public interface GradLayer {

    /**
     * The gradient with respect to the input of the last forward pass, given the gradient of the output.
     * Valid only on the training thread, right after {@code forward}.
     */
    NDArray backwardInput(ParameterStore parameterStore, NDArray gradOutput);
}
