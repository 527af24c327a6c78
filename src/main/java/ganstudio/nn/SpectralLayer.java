package ganstudio.nn;

import ai.djl.nn.Block;
import ai.djl.util.Pair;

/** A layer whose weight may be spectrally normalized; the trainer advances its σ estimate after each update. */
public interface SpectralLayer {

    /** One power-iteration step of the σ estimate; nothing when the layer is not normalized. */
    void powerIteration();

    /** Runs {@link #powerIteration} on every spectral layer inside {@code block}. */
    static void powerIterateAll(Block block) {
        if (block instanceof SpectralLayer) {
            ((SpectralLayer) block).powerIteration();
        }
        for (Pair<String, Block> child : block.getChildren()) {
            powerIterateAll(child.getValue());
        }
    }
}
