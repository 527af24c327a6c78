package ganstudio.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's weights under the names and layouts PyTorch's {@code load_state_dict} takes for the same
 * architecture built of {@code nn.Sequential}s (src/python/ganstudio_load.py builds it): every layer of a sequential
 * stack is numbered, parameterless ones too, a residual block's body is {@code body}; dense, convolution and
 * transposed-convolution weights are [out, in], [out, in, k, k] and [in, out, k, k] as in nn.Linear, nn.Conv2d
 * and nn.ConvTranspose2d. A spectrally normalized weight is exported as W / σ(W), what the layer computes with,
 * so a plain PyTorch layer gives the same outputs; batch norm carries its running statistics and the
 * num_batches_tracked counter PyTorch expects; the minibatch-std layer its last training batch's value as the
 * buffer {@code batch_std}.
 */
public final class StateDict {

    /** A tensor read from a file: its shape and values (integers too, as floats: only the counter is one). */
    public record Values(long[] shape, float[] data) {}

    private StateDict() {}

    /**
     * One entry of the state dict: a parameter's array and, for a spectrally normalized weight, its normalization;
     * the batch-norm counter PyTorch keeps and DJL has not is an entry without an array.
     */
    private record Entry(NDArray array, SpectralNorm spectral) {}

    /**
     * Sets a network's weights from values under the names {@link #of} gives (prefix stripped by the caller),
     * every one of them: a missing, extra or differently shaped tensor is refused naming it, before anything is
     * changed. Spectral normalization divides the loaded weight by its σ again as it trains; batch norm's
     * num_batches_tracked is read and ignored (DJL keeps no such counter).
     *
     * @param what names the network in messages ("the generator")
     */
    public static void load(GradSequential net, Map<String, Values> values, String what) {
        Map<String, Entry> entries = entries(net);
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, Entry> t : entries.entrySet()) {
            if (t.getValue().array() == null) {
                continue;
            }
            Values v = values.get(t.getKey());
            long[] want = t.getValue().array().getShape().getShape();
            if (v == null) {
                problems.add("no " + t.getKey() + " " + java.util.Arrays.toString(want));
            } else if (!java.util.Arrays.equals(v.shape(), want)) {
                problems.add(t.getKey() + " is " + java.util.Arrays.toString(v.shape()) + ", this network's is "
                        + java.util.Arrays.toString(want));
            }
        }
        for (String name : values.keySet()) {
            if (!entries.containsKey(name)) {
                problems.add(name + " has no place in " + what);
            }
        }
        if (!problems.isEmpty()) {
            throw new ganstudio.config.UserError("the weights do not fit " + what + " of this config: "
                    + String.join("; ", problems.subList(0, Math.min(6, problems.size())))
                    + (problems.size() > 6 ? "; and " + (problems.size() - 6) + " more" : ""));
        }
        entries.forEach((name, e) -> {
            if (e.array() != null) {
                e.array().set(values.get(name).data());
            }
        });
    }

    /** Name to array, in the network's order; the arrays are new (the caller closes them with their manager). */
    public static Map<String, NDArray> of(GradSequential net) {
        Map<String, Entry> entries = entries(net);
        NDArray any = entries.values().stream().map(Entry::array).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        Map<String, NDArray> out = new LinkedHashMap<>();
        entries.forEach((name, e) -> out.put(name, e.array() == null ? any.getManager().create(0L)
                : e.spectral() != null ? e.spectral().normalize(e.array().stopGradient()) : e.array().duplicate()));
        return out;
    }

    /** The network's parameters under their PyTorch names, in its order: the one walk both directions share. */
    private static Map<String, Entry> entries(GradSequential net) {
        Map<String, Entry> out = new LinkedHashMap<>();
        addSequential(out, "", net);
        return out;
    }

    private static void addSequential(Map<String, Entry> out, String prefix, GradSequential net) {
        int i = 0;
        for (Pair<String, Block> child : net.getChildren()) {
            addBlock(out, prefix + i + ".", child.getValue());
            i++;
        }
    }

    private static void addBlock(Map<String, Entry> out, String prefix, Block b) {
        if (b instanceof GradSequential s) {
            addSequential(out, prefix, s);
        } else if (b instanceof Residual r) {
            addSequential(out, prefix + "body.", r.getBody());
        } else if (b instanceof WeightedLayer w) {
            out.put(prefix + "weight", new Entry(w.weight.getArray(), w.spectralNorm()));
            out.put(prefix + "bias", new Entry(w.bias.getArray(), null));
        } else if (b instanceof BatchNorm) {
            Map<String, String> names = Map.of("gamma", "weight", "beta", "bias", "runningMean", "running_mean",
                    "runningVar", "running_var");
            for (Pair<String, Parameter> p : b.getDirectParameters()) {
                String name = names.get(p.getKey());
                if (name == null) {
                    throw new IllegalStateException("batch norm parameter " + p.getKey() + " has no PyTorch name");
                }
                out.put(prefix + name, new Entry(p.getValue().getArray(), null));
            }
            out.put(prefix + "num_batches_tracked", new Entry(null, null));
        } else if (b instanceof GroupNorm) {
            for (Pair<String, Parameter> p : b.getDirectParameters()) {
                out.put(prefix + ("gamma".equals(p.getKey()) ? "weight" : "bias"), new Entry(p.getValue().getArray(),
                        null));
            }
        } else if (b instanceof MinibatchStd) {
            for (Pair<String, Parameter> p : b.getDirectParameters()) {
                out.put(prefix + "batch_std", new Entry(p.getValue().getArray(), null));
            }
        } else if (!b.getDirectParameters().isEmpty()) {
            throw new IllegalStateException(b.getClass().getSimpleName() + " has weights that the export does not "
                    + "know how to name");
        }
    }
}
