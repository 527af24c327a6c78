package ganstudio.train.classify;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;

import ganstudio.config.Presets;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.ClassifierData;
import ganstudio.data.ImageSet;
import ganstudio.metrics.ClassificationReport;
import ganstudio.nn.Scalars;
import ganstudio.nn.ThreadGradientCollector;
import ganstudio.runs.CheckpointIo;
import ganstudio.train.common.DivergenceException;
import ganstudio.train.common.EvaluationCancelled;
import ganstudio.train.common.RandomStreams;
import ganstudio.train.common.Weights;
import ganstudio.train.optim.ParameterOptimizer;
import ganstudio.train.optim.Optimizers;
import ganstudio.tricks.Adversary;
import ganstudio.tricks.GradientTricks;
import ganstudio.tricks.ImageBatch;
import ganstudio.tricks.Losses;
import ganstudio.tricks.LrSchedule;
import ganstudio.train.common.EngineSetup;
import ganstudio.tricks.LrScheduleBuilder;
import ganstudio.tricks.Trick;
import ganstudio.tricks.TrickSetup;
import ganstudio.tricks.Tricks;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One image classifier being trained, with every trick of its config, owned by the thread that created it.
 * {@link #trainBatch} is one optimizer step; an epoch is {@link #batchesPerEpoch} of them over a fresh shuffle
 * (the last partial batch is dropped, so batch norm never sees a batch of one).
 */
public final class ClassifierTrainer implements AutoCloseable {

    private static final int EVAL_BATCH = 500;

    private final RunConfig config;
    private final ClassifierData data;
    private final NDManager manager;
    private final ClassifierModel model;
    private final ClassifierModel teacher;
    private final NDManager teacherManager;
    private final List<Pair<String, Parameter>> params;
    private final ParameterOptimizer optimizer;
    private final LrSchedule schedule;
    /** The tricks that run as plugins, in the registry order. */
    private final List<Trick> tricks;
    private final Adversary adversary;
    private final String loss;
    private final float focalGamma;
    private final float focalAlpha;
    private final float distillT;
    private final float distillWeight;
    private final float advWeight;
    private final int batchSize;
    private final int classes;
    private final int batchesPerEpoch;
    private final long seed;
    private final EpochTally tally = new EpochTally();
    private int[] order;
    private long orderEpoch = -1;
    private long step;
    private double baseLr;
    private double lastLr;
    private double elapsedBefore;
    private final long started = System.nanoTime();

    /** The outcome of one training batch. */
    public record BatchResult(double loss, int correct, int count) {}

    public ClassifierTrainer(RunConfig config, ClassifierData data, Device device) {
        this.config = config;
        this.data = data;
        this.seed = config.getLong(ConfigSchema.SEED);
        EngineSetup.prepare(config.getInt(ConfigSchema.THREADS), seed);
        this.manager = NDManager.newBaseManager(device);
        this.batchSize = config.getInt(ConfigSchema.BATCH_SIZE);
        this.classes = data.classes();
        ImageSet train = data.train();
        if (train.count() < batchSize) {
            throw new UserError("batchSize = " + batchSize + " is larger than the " + train.count()
                    + " training images; lower batchSize");
        }
        this.model = ClassifierModel.create(ClassifierModel.specOf(config, train.channels(), train.height(), classes),
                manager);
        this.params = model.trainable();
        this.batchesPerEpoch = train.count() / batchSize;
        this.baseLr = config.getDouble(ClassifierKeys.OPT_LR);
        long total = (long) batchesPerEpoch * scheduleEpochs(config);
        this.schedule = LrScheduleBuilder.forClassifier(config, baseLr, batchesPerEpoch, total);
        this.optimizer = Optimizers.create(config, "opt", (float) schedule.rate(1),
                GradientTricks.coupledWeightDecay(config));
        this.tricks = Tricks.active(new TrickSetup(config, manager, total, List.of(), train));
        this.adversary = Adversary.fromConfig(config);
        this.loss = config.getString(ClassifierKeys.CLS_LOSS);
        this.focalGamma = (float) config.getDouble(ClassifierKeys.CLS_FOCAL_GAMMA);
        this.focalAlpha = (float) config.getDouble(ClassifierKeys.CLS_FOCAL_ALPHA);
        this.distillT = (float) config.getDouble(ClassifierKeys.CLS_DISTILL_T);
        this.distillWeight = (float) config.getDouble(ClassifierKeys.CLS_DISTILL_WEIGHT);
        this.advWeight = (float) config.getDouble(ClassifierKeys.ADV_WEIGHT);
        String teacherPath = config.getString(ClassifierKeys.CLS_TEACHER);
        if (teacherPath.isBlank()) {
            teacher = null;
            teacherManager = null;
        } else {
            teacherManager = NDManager.newBaseManager(device);
            teacher = ClassifierModel.load(resolveTeacher(teacherPath), teacherManager).model();
            if (teacher.getSpec().classes() != classes || teacher.getSpec().imageSize() != train.height()
                    || teacher.getSpec().channels() != train.channels()) {
                throw new UserError("cls.teacher = " + teacherPath + " was trained on "
                        + teacher.getSpec().channels() + "x" + teacher.getSpec().imageSize() + " images with "
                        + teacher.getSpec().classes() + " classes; this run has " + train.channels() + "x"
                        + train.height() + " and " + classes);
            }
        }
    }

    /** Epochs the learning-rate schedule spans: sched.epochs when set (a lengthened resumed run), else cls.epochs. */
    static int scheduleEpochs(RunConfig c) {
        int pinned = c.getInt(ClassifierKeys.SCHED_EPOCHS);
        return pinned > 0 ? pinned : c.getInt(ClassifierKeys.CLS_EPOCHS);
    }

    /** A teacher given as a path, or as a folder name under models/. */
    private static Path resolveTeacher(String text) {
        Path p = Paths.get(text);
        if (Files.isDirectory(p)) {
            return p;
        }
        Path inModels = Presets.locate().getDir().resolve(text);
        if (Files.isDirectory(inModels)) {
            return inModels;
        }
        throw new UserError("cls.teacher = " + text + ": no such folder (give a classifier run directory or a "
                + "folder under models/, e.g. fashion-classifier)");
    }

    public ClassifierModel getModel() {
        return model;
    }

    public ClassifierData getData() {
        return data;
    }

    public long getStep() {
        return step;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Epochs done, fractional inside an epoch. */
    public double epoch() {
        return (double) step / batchesPerEpoch;
    }

    public boolean atEpochEnd() {
        return step > 0 && step % batchesPerEpoch == 0;
    }

    public double learningRate() {
        return lastLr == 0 ? schedule.rate(step + 1) : lastLr;
    }

    public List<String> activeTricks() {
        List<String> on = new ArrayList<>();
        for (Trick t : tricks) {
            on.addAll(t.describe());
        }
        if (!"ce".equals(loss)) {
            on.add(loss + " loss");
        }
        if (teacher != null) {
            on.add("distillation T=" + distillT);
        }
        if (adversary != null) {
            on.add(config.getString(ClassifierKeys.ADV_KIND) + " ε=" + config.getDouble(ClassifierKeys.ADV_EPS));
        }
        return on;
    }

    /** Changes the base learning rate from the next batch on (a live edit); the schedule scales it. */
    public void setBaseLearningRate(double lr) {
        this.baseLr = lr;
    }

    /** Tells a plateau schedule the epoch's validation loss. */
    public void onValidation(double valLoss) {
        schedule.onValidation(valLoss);
    }

    public double wallSeconds() {
        return elapsedBefore + (System.nanoTime() - started) / 1e9;
    }

    /**
     * One optimizer step on the next batch.
     *
     * @throws DivergenceException when the loss is NaN or infinite
     */
    public BatchResult trainBatch() {
        long epoch = step / batchesPerEpoch;
        if (epoch != orderEpoch) {
            shuffle(epoch);
        }
        int cursor = (int) (step % batchesPerEpoch) * batchSize;
        RandomStreams.seedEngine(seed, RandomStreams.CLASSIFIER, step);
        ImageSet train = data.train();
        int len = train.imageSize();
        float[] pixels = new float[batchSize * len];
        int[] labels = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int index = order[cursor + i];
            train.copyImage(index, pixels, i * len);
            labels[i] = train.label(index);
        }
        ImageBatch batch = new ImageBatch(batchSize, train.channels(), train.height(), train.width(), classes, pixels,
                ImageBatch.oneHot(labels, classes));
        long augmentSeed = RandomStreams.seed(seed, RandomStreams.AUGMENT, step);
        for (Trick t : tricks) {
            batch = t.transformBatch(batch, augmentSeed);
        }

        double lr = schedule.rate(step + 1) * baseLr / config.getDouble(ClassifierKeys.OPT_LR);
        lastLr = lr;
        optimizer.setLearningRate((float) lr);
        float lossValue;
        int correct;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape shape = new Shape(batchSize, train.channels(), train.height(), train.width());
            NDArray x = manager.create(batch.pixels, shape);
            NDArray targets = manager.create(batch.targets, new Shape(batchSize, classes));
            NDArray teacherLogits = teacher == null ? null : teacher.logits(x, false);
            NDArray adv = null;
            if (adversary != null) {
                adv = adversary.perturb(x, in -> loss(model.logits(in, false), targets, null));
                zeroGradients();
            }
            NDArray logits;
            NDArray total;
            try (GradientCollector gc = new ThreadGradientCollector()) {
                logits = model.logits(x, true);
                total = loss(logits, targets, teacherLogits);
                if (adv != null) {
                    NDArray advLoss = loss(model.logits(adv, true), targets, teacherLogits);
                    total = Scalars.mul(total, 1 - advWeight).add(Scalars.mul(advLoss, advWeight));
                }
                for (Trick t : tricks) {
                    total = t.classifierLoss(total);
                }
                gc.backward(total);
            }
            NDArray hits = logits.argMax(1).eq(targets.argMax(1)).sum();
            float[] stats = new float[] {total.getFloat(), hits.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .getFloat()};
            lossValue = stats[0];
            correct = Math.round(stats[1]);
            if (!Float.isFinite(lossValue)) {
                throw new DivergenceException("classifier loss became " + lossValue + " at batch " + (step + 1)
                        + " (epoch " + (step / batchesPerEpoch + 1) + "); lower opt.lr or turn on reg.clipNorm");
            }
        }
        update(lr);
        step++;
        tally.add(lossValue, correct, batchSize);
        return new BatchResult(lossValue, correct, batchSize);
    }

    private NDArray loss(NDArray logits, NDArray targets, NDArray teacherLogits) {
        NDArray hard;
        switch (loss) {
            case "focal":
                hard = Losses.focal(logits, targets, focalGamma, focalAlpha);
                break;
            case "smoothl1":
                hard = Losses.smoothL1(logits, targets);
                break;
            default:
                hard = Losses.crossEntropy(logits, targets);
                break;
        }
        if (teacherLogits == null) {
            return hard;
        }
        return Scalars.mul(hard, 1 - distillWeight)
                .add(Scalars.mul(Losses.distillation(logits, teacherLogits, distillT), distillWeight));
    }

    /** Outside any NDScope: the optimizer creates its state arrays on first use, and they must outlive the step. */
    private void update(double lr) {
        for (Trick t : tricks) {
            t.beforeUpdate(params, lr);
        }
        for (Pair<String, Parameter> p : params) {
            NDArray weight = p.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                optimizer.update(p.getKey(), weight, grad);
            }
        }
    }

    private void zeroGradients() {
        for (Pair<String, Parameter> p : params) {
            JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
        }
    }

    /** The epoch's order: a permutation from its own seed, so any epoch can be rebuilt on resume. */
    private void shuffle(long epoch) {
        int n = data.train().count();
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(RandomStreams.seed(seed, RandomStreams.SHUFFLE, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        orderEpoch = epoch;
    }

    /** Loss, top-1, top-5 and the confusion matrix on a labelled set, in inference mode. */
    public ClassificationReport evaluate(ImageSet set, String name) {
        return evaluate(model, set, name, classes, manager, () -> false);
    }

    /**
     * As {@link #evaluate(ImageSet, String)}, checking between batches whether to give up (the process is exiting).
     *
     * @throws EvaluationCancelled when cancelled said so
     */
    public ClassificationReport evaluate(ImageSet set, String name, java.util.function.BooleanSupplier cancelled) {
        return evaluate(model, set, name, classes, manager, cancelled);
    }

    static ClassificationReport evaluate(ClassifierModel model, ImageSet set, String name, int classes,
            NDManager manager, java.util.function.BooleanSupplier cancelled) {
        long[][] confusion = new long[classes][classes];
        double lossSum = 0;
        long top5 = 0;
        int len = set.imageSize();
        for (int from = 0; from < set.count(); from += EVAL_BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new EvaluationCancelled();
            }
            int n = Math.min(EVAL_BATCH, set.count() - from);
            float[] px = new float[n * len];
            System.arraycopy(set.pixels(), from * len, px, 0, n * len);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = set.label(from + i);
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray x = manager.create(px, new Shape(n, set.channels(), set.height(), set.width()));
                NDArray logits = model.logits(x, false);
                NDArray targets = manager.create(ImageBatch.oneHot(labels, classes), new Shape(n, classes));
                lossSum += Losses.crossEntropy(logits, targets).getFloat() * n;
                float[] z = logits.toFloatArray();
                for (int i = 0; i < n; i++) {
                    int predicted = 0;
                    int above = 0;
                    float own = z[i * classes + labels[i]];
                    for (int k = 0; k < classes; k++) {
                        float v = z[i * classes + k];
                        if (v > z[i * classes + predicted]) {
                            predicted = k;
                        }
                        if (v > own) {
                            above++;
                        }
                    }
                    confusion[labels[i]][predicted]++;
                    if (above < 5) {
                        top5++;
                    }
                }
            }
        }
        long correct = 0;
        for (int k = 0; k < classes; k++) {
            correct += confusion[k][k];
        }
        return new ClassificationReport(name, lossSum / set.count(), (double) correct / set.count(),
                (double) top5 / set.count(), confusion, set.classNames());
    }

    public void saveModel(DataOutputStream out) throws IOException {
        model.save(out);
    }

    public void loadModel(DataInputStream in) throws IOException {
        model.load(in, manager);
        params.clear();
        params.addAll(model.trainable());
    }

    /**
     * Loads a verified checkpoint: the model file must be exactly as long as this config's network writes, and the
     * state must be read to its last byte.
     */
    public void loadCheckpoint(CheckpointIo.Contents c) throws IOException {
        CheckpointIo.requireLength(c, ClassifierModel.PARAMS, model::save);
        loadModel(c.file(ClassifierModel.PARAMS));
        CheckpointIo.readState(c, this::loadState);
    }

    /**
     * Refuses to go on with NaN or infinite weights, so that no checkpoint holds them.
     *
     * @throws DivergenceException when a weight is not finite
     */
    public void checkWeightsFinite() {
        float total = Weights.sum(params);
        if (!Float.isFinite(total)) {
            throw new DivergenceException("the classifier's weights became " + total + " at batch " + step
                    + "; no checkpoint was written from them. Lower opt.lr or turn on reg.clipNorm");
        }
    }

    /** The running sums of the epoch so far and the early-stopping state, kept in checkpoints. */
    public EpochTally tally() {
        return tally;
    }

    /** Optimizer state, counters, the schedule's state and the epoch's tally (format version 2). */
    public void saveState(DataOutputStream out) throws IOException {
        out.writeLong(step);
        out.writeDouble(wallSeconds());
        out.writeDouble(baseLr);
        optimizer.save(out);
        schedule.save(out);
        tally.save(out);
    }

    /** Reads what {@link #saveState} wrote; version 1 (before exact resume) had no schedule state or tally. */
    private void loadState(DataInputStream in, int version) throws IOException {
        step = in.readLong();
        if (step < 0) {
            throw new IOException("a negative batch count (" + step + ")");
        }
        elapsedBefore = in.readDouble();
        baseLr = in.readDouble();
        optimizer.load(in, manager);
        if (version >= 2) {
            schedule.load(in);
            tally.load(in);
        }
    }

    @Override
    public void close() {
        manager.close();
        if (teacherManager != null) {
            teacherManager.close();
        }
    }
}
