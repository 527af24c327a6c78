package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sequential block whose layers all know their input gradient, so the whole stack does. */
public class GradSequential extends SequentialBlock implements GradLayer {

    /** Adds a layer; only {@link GradLayer}s keep the stack usable for a gradient penalty. */
    public GradSequential addLayer(Block block) {
        add(block);
        return this;
    }

    /** Whether every layer supports {@link #backwardInput}, i.e. a gradient penalty is possible. */
    public boolean supportsInputGradient() {
        for (Pair<String, Block> child : getChildren()) {
            Block b = child.getValue();
            if (!(b instanceof GradLayer)) {
                return false;
            }
            if (b instanceof GradSequential && !((GradSequential) b).supportsInputGradient()) {
                return false;
            }
            if (b instanceof Residual && !((Residual) b).getBody().supportsInputGradient()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public NDArray backwardInput(ParameterStore parameterStore, NDArray gradOutput) {
        List<Block> layers = new ArrayList<>();
        for (Pair<String, Block> child : getChildren()) {
            layers.add(child.getValue());
        }
        Collections.reverse(layers);
        NDArray g = gradOutput;
        for (Block b : layers) {
            if (!(b instanceof GradLayer)) {
                throw new IllegalStateException(b.getClass().getSimpleName() + " has no input gradient");
            }
            g = ((GradLayer) b).backwardInput(parameterStore, g);
        }
        return g;
    }
}
