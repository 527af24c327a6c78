package ganstudio.train.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import ganstudio.nn.ClassifierNetworks;
import ganstudio.nn.ClassifierSpec;
import ganstudio.nn.Scalars;
import ganstudio.nn.ThreadGradientCollector;
import ganstudio.train.optim.AdamOptimizer;
import ganstudio.train.common.EngineSetup;

import java.util.ArrayList;
import java.util.List;

/**
 * classifier-fashion: one training step of the fashion baseline CNN (ClassifierSpec.baseline(1, 28, 10), He
 * init) at batch 128 with Adam 1e-3 and softmax cross-entropy, on a fixed random batch. Kept small and apart so
 * it can be swapped for the classifier trainer's own step.
 */
final class ClassifierWorkload implements Workload {

    static final String NAME = "classifier-fashion";
    static final int BATCH = 128;
    private static final int CLASSES = 10;

    private final NDManager manager;
    private final SequentialBlock net;
    private final ParameterStore ps;
    private final List<Pair<String, Parameter>> params = new ArrayList<>();
    private final AdamOptimizer adam = new AdamOptimizer(1e-3f, 0.9f, 0.999f, 1e-8f, 0f);
    private final NDArray x;
    private final NDArray oneHot;
    private final long flops;

    ClassifierWorkload(int threads, Device device) {
        EngineSetup.prepare(threads, 0);
        manager = NDManager.newBaseManager(device);
        ClassifierSpec spec = ClassifierSpec.baseline(1, 28, CLASSES);
        net = ClassifierNetworks.build(spec);
        net.setInitializer(ClassifierNetworks.initializer(spec.init()), Parameter.Type.WEIGHT);
        Shape input = ClassifierNetworks.inputShape(spec, BATCH);
        net.initialize(manager, DataType.FLOAT32, input);
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p);
            }
        }
        ps = new ParameterStore(manager, false);
        x = manager.randomUniform(-1, 1, input);
        NDArray labels = manager.randomInteger(0, CLASSES, new Shape(BATCH), DataType.INT64);
        oneHot = labels.oneHot(CLASSES);
        labels.close();
        flops = Flops.trainingStep(Flops.forward(net, input));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int batchSize() {
        return BATCH;
    }

    @Override
    public long flopsPerIteration() {
        return flops;
    }

    @Override
    public void iterate() {
        float loss;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector gc = new ThreadGradientCollector()) {
                NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
                NDArray ce = Scalars.div(logits.logSoftmax(1).mul(oneHot).sum(), -BATCH);
                gc.backward(ce);
                loss = ce.getFloat();
            }
        }
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            try (NDArray g = w.getGradient()) {
                adam.update(p.getKey(), w, g);
            }
        }
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("classifier loss became " + loss);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
