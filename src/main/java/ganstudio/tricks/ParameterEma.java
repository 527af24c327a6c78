package ganstudio.tricks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;

import ganstudio.nn.Scalars;
import ganstudio.runs.CheckpointIo;
import ganstudio.config.ConfigSchema;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a network's weights, θ̄ ← β·θ̄ + (1 − β)·θ, after every update. Sampling
 * swaps the average into the network and back, so the grids show the smoothed generator (Yazıcı et al., 2019)
 * while training continues on the raw weights.
 *
 * <p>The decay warms up as min(β, (1 + t) / (10 + t)) after t earlier updates (TensorFlow's num_updates rule): a
 * fixed 0.999 would keep 37% of the random initial weights in the average after 1,000 steps, and the grids of
 * a short run would show a blend of noise and generator instead of the generator.
 */
public final class ParameterEma implements Trick {

    public static final TrickType TYPE = new TrickType("generator EMA", "gan", List.of(ConfigSchema.TRICKS_EMA_G),
            c -> c.getDouble(ConfigSchema.TRICKS_EMA_G) > 0,
            s -> new ParameterEma((float) s.config().getDouble(ConfigSchema.TRICKS_EMA_G), s.generatorParameters()));

    private final float decay;
    private final List<Parameter> parameters;
    private final List<NDArray> average = new ArrayList<>();

    /**
     * Starts the average at the current weights; call outside any NDScope. Parameters, not arrays: loading a
     * checkpoint gives a parameter new arrays.
     */
    public ParameterEma(float decay, List<Parameter> parameters) {
        this.decay = decay;
        this.parameters = parameters;
        for (Parameter p : parameters) {
            average.add(p.getArray().duplicate());
        }
    }

    /** The decay used for the update that follows {@code updatesSoFar} earlier ones. */
    public float decayAt(long updatesSoFar) {
        long t = Math.max(0, updatesSoFar);
        return (float) Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /**
     * Moves the average toward the current weights; {@code updatesSoFar} is how many updates came before (the
     * generator's step count, so a resumed run continues the same schedule).
     */
    @Override
    public void afterUpdate(long step) {
        update(step);
    }

    @Override
    public <T> T sampling(java.util.function.Supplier<T> draw) {
        return withAverage(draw);
    }

    @Override
    public void weightsReplaced() {
        copyInto(average, parameters.stream().map(Parameter::getArray).toList());
    }

    public void update(long updatesSoFar) {
        float d = decayAt(updatesSoFar);
        // The difference and the constant are new arrays on the weights' manager: freed here, not at its close.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (int i = 0; i < parameters.size(); i++) {
                NDArray a = average.get(i);
                a.addi(Scalars.mul(parameters.get(i).getArray().sub(a), 1 - d));
            }
        }
    }

    /** Runs {@code action} with the average in place of the weights, then restores them. */
    public <T> T withAverage(java.util.function.Supplier<T> action) {
        List<NDArray> saved = new ArrayList<>();
        List<NDArray> weights = new ArrayList<>();
        for (Parameter p : parameters) {
            saved.add(p.getArray().duplicate());
            weights.add(p.getArray());
        }
        copyInto(weights, average);
        try {
            return action.get();
        } finally {
            copyInto(weights, saved);
            for (NDArray a : saved) {
                a.close();
            }
        }
    }

    /** Replaces the values in place, so each parameter keeps its identity and gradient slot. */
    private static void copyInto(List<NDArray> targets, List<NDArray> sources) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (int i = 0; i < targets.size(); i++) {
                Scalars.muli(targets.get(i), 0).addi(sources.get(i));
            }
        }
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(average.size());
        for (NDArray a : average) {
            byte[] bytes = a.encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public void load(DataInputStream in, NDManager manager) throws IOException {
        int n = CheckpointIo.readCount(in, 4);
        if (n != average.size()) {
            throw new IOException("the checkpoint's EMA has " + n + " arrays, the generator " + average.size());
        }
        for (int i = 0; i < n; i++) {
            NDArray loaded = manager.decode(CheckpointIo.readBlock(in));
            copyInto(List.of(average.get(i)), List.of(loaded));
            loaded.close();
        }
    }
}
