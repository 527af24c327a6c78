package ganstudio.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A garbage collection between the forward and the backward pass leaves every gradient as it was. Before
 * {@link Scalars}, the constants of group norm's pow(-0.5), the activations' slopes and the loss factors lived in
 * buffers the collection freed, and the backward pass read what was written there next (issue 22, finding 13).
 */
class ScalarLifetimeTest {

    @Test
    void criticGradientsSurviveACollectionBetweenForwardAndBackward() throws InterruptedException {
        Engine.getInstance().setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager()) {
            NetworkSpec spec = new NetworkSpec(false, 1, 28, 100, 32, 32, 3, 1, "none", "group", 4, "relu", "leakyrelu",
                    0.2, 0, true, "dcgan", 1.0);
            GradSequential critic = GanNetworks.critic(spec);
            Shape shape = new Shape(3, 1, 28, 28);
            critic.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
            critic.initialize(manager, DataType.FLOAT32, shape);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(shape);
            float[] undisturbed = gradients(critic, ps, x, false);
            for (int pass = 0; pass < 3; pass++) {
                assertArrayEquals(undisturbed, gradients(critic, ps, x, true), 1e-6f, "pass " + pass);
            }
        }
    }

    /**
     * The input's and every weight's gradient of a loss shaped like WGAN-GP's: the critic's output plus the
     * squared hand-built input gradient, so both the forward ops and the hand-built backward ops are in the graph.
     */
    private static float[] gradients(GradSequential critic, ParameterStore ps, NDArray x, boolean collect)
            throws InterruptedException {
        NDArray xi = x.duplicate();
        xi.setRequiresGradient(true);
        List<ByteBuffer> reused = new ArrayList<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = critic.forward(ps, new NDList(xi), true).singletonOrThrow();
            NDArray inputGradient = critic.backwardInput(ps, out.onesLike());
            if (collect) {
                collectGarbage();
                // Take the freed memory back with values no gradient has, as the next allocations would.
                for (int i = 0; i < 512; i++) {
                    reused.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1000f));
                }
            }
            gc.backward(out.sum().add(inputGradient.square().sum()));
        }
        Reference.reachabilityFence(reused);
        List<Float> all = new ArrayList<>();
        List<NDArray> grads = new ArrayList<>();
        grads.add(xi.getGradient());
        critic.getParameters().values().forEach(p -> grads.add(p.getArray().getGradient()));
        for (NDArray g : grads) {
            for (float v : g.toFloatArray()) {
                all.add(v);
            }
            g.muli(0);
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    /** A full collection, then time for the cleaner thread to free what it found. */
    private static void collectGarbage() throws InterruptedException {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        for (int i = 0; i < 20 && sentinel.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        Thread.sleep(50);
    }
}
