package ganstudio.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;

import ganstudio.nn.Scalars;
import ganstudio.runs.CheckpointIo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL optimizer whose state (moments, step counts) can be saved and restored, so that a resumed run
 * continues with the same moments, and whose learning rate can be changed while training runs. DJL's own
 * optimizers keep their state private, and its PyTorch engine has no RMSProp. Every update zeroes the
 * parameter's gradient afterwards, so the next backward pass starts from zero.
 */
public abstract class ParameterOptimizer extends Optimizer {

    protected final Map<String, NDArray[]> states = new LinkedHashMap<>();
    protected final Map<String, Integer> steps = new LinkedHashMap<>();
    protected float learningRate;
    protected final float weightDecay;

    protected ParameterOptimizer(float learningRate, float weightDecay) {
        super(new Builder());
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    public float getLearningRate() {
        return learningRate;
    }

    /** Takes effect from the next update. */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    /** The gradient with coupled L2 weight decay added (g + wd·w), or the gradient itself without decay. */
    protected NDArray decayed(NDArray grad, NDArray weight) {
        return weightDecay > 0 ? grad.add(Scalars.mul(weight, weightDecay)) : grad;
    }

    /** Adam's moment estimates in place: m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g². */
    protected static void updateMoments(NDArray[] s, NDArray g, float beta1, float beta2) {
        Scalars.muli(s[0], beta1).addi(Scalars.mul(g, 1 - beta1));
        Scalars.muli(s[1], beta2).addi(Scalars.muli(g.square(), 1 - beta2));
    }

    /** Number of state arrays kept per parameter. */
    protected abstract int stateCount();

    /** The per-parameter state, created as zeros on first use. Must not be called inside an NDScope. */
    protected NDArray[] state(String parameterId, NDArray weight) {
        return states.computeIfAbsent(parameterId, k -> {
            NDArray[] s = new NDArray[stateCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = weight.zerosLike();
            }
            return s;
        });
    }

    /** Increments and returns the 1-based update count of a parameter. */
    protected int nextStep(String parameterId) {
        return steps.merge(parameterId, 1, Integer::sum);
    }

    /** A copy of the moments and update counts, to undo updates with {@link #restore} (the unrolled critic). */
    public Snapshot snapshot() {
        Map<String, NDArray[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray[]> e : states.entrySet()) {
            NDArray[] s = new NDArray[e.getValue().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = e.getValue()[i].duplicate();
            }
            copy.put(e.getKey(), s);
        }
        return new Snapshot(copy, new LinkedHashMap<>(steps));
    }

    /** Goes back to a snapshot's state, which this optimizer then owns (a snapshot restores once). */
    public void restore(Snapshot snapshot) {
        for (NDArray[] s : states.values()) {
            for (NDArray a : s) {
                a.close();
            }
        }
        states.clear();
        states.putAll(snapshot.states());
        steps.clear();
        steps.putAll(snapshot.steps());
    }

    /** What {@link #snapshot} copies. */
    public record Snapshot(Map<String, NDArray[]> states, Map<String, Integer> steps) {}

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(states.size());
        for (Map.Entry<String, NDArray[]> e : states.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(steps.getOrDefault(e.getKey(), 0));
            out.writeInt(e.getValue().length);
            for (NDArray a : e.getValue()) {
                byte[] bytes = a.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    public void load(DataInputStream in, NDManager manager) throws IOException {
        states.clear();
        steps.clear();
        int count = CheckpointIo.readCount(in, 12);
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            steps.put(id, in.readInt());
            NDArray[] s = new NDArray[CheckpointIo.readCount(in, 4)];
            for (int j = 0; j < s.length; j++) {
                s[j] = manager.decode(CheckpointIo.readBlock(in));
            }
            states.put(id, s);
        }
    }

    /** A DJL builder only to satisfy the base class; our learning rate lives in this object. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        Builder() {
            setRescaleGrad(1f);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
