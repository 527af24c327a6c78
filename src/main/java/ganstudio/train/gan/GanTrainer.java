package ganstudio.train.gan;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.data.Mixture2D;
import ganstudio.data.TrainingData;
import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.media.PlaneRenderer;
import ganstudio.metrics.StepMetrics;
import ganstudio.nn.GanNetworks;
import ganstudio.nn.GradSequential;
import ganstudio.nn.NetworkSpec;
import ganstudio.nn.SpectralLayer;
import ganstudio.nn.StateDict;
import ganstudio.nn.WeightFiles;
import ganstudio.nn.Scalars;
import ganstudio.nn.ThreadGradientCollector;
import ganstudio.runs.CheckpointIo;
import ganstudio.train.common.DivergenceException;
import ganstudio.train.common.RandomStreams;
import ganstudio.train.common.Weights;
import ganstudio.train.optim.ParameterOptimizer;
import ganstudio.train.optim.Optimizers;
import ganstudio.tricks.LrSchedule;
import ganstudio.train.common.EngineSetup;
import ganstudio.tricks.LrScheduleBuilder;
import ganstudio.tricks.CriticPass;
import ganstudio.tricks.Trick;
import ganstudio.tricks.TrickSetup;
import ganstudio.tricks.Tricks;
import ganstudio.config.ConfigSchema;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One GAN being trained: the two networks, their optimizers, the objective and the data, owned by the thread
 * that created it (every DJL object must stay on that thread). {@link #step} runs one generator iteration with
 * its critic iterations; everything that leaves is plain numbers or pixels.
 */
public final class GanTrainer implements AutoCloseable {

    private static final int PLANE_SIDE = 512;
    public static final String GENERATOR_FILE = "generator.params";
    public static final String CRITIC_FILE = "critic.params";

    private final RunConfig config;
    private final TrainingData data;
    private final NetworkSpec spec;
    private final NDManager manager;
    private final ParameterStore ps;
    private final GradSequential generator;
    private final GradSequential critic;
    private final List<Pair<String, Parameter>> gParams;
    private final List<Pair<String, Parameter>> dParams;
    private final ParameterOptimizer optG;
    private final ParameterOptimizer optD;
    private final Objective objective;
    private final BatchSource source;
    private final boolean criticMixesSamples;
    private final int batchSize;
    private final NDArray fixedNoise;
    private NDArray planeGrid;
    private final long started = System.nanoTime();

    private final LiveSettings live;
    private final LrSchedule lrFactor;
    private final int totalSteps;
    /** The tricks that are on, in the registry's order; every hook below is called on each. */
    private final List<Trick> tricks;
    private final long seed;
    /** Look-ahead critic updates before each G update (the unrolled GAN); 0 = none. */
    private final int unroll;
    private NDArray unreadLosses;
    private long step;
    private long criticIterations;
    private double elapsedBefore;

    /** Builds networks and optimizers on a device; call on the thread that will train. */
    public GanTrainer(RunConfig config, TrainingData data, Device device) {
        this.config = config;
        this.data = data;
        this.seed = config.getLong(ConfigSchema.SEED);
        // The engine's seed also draws the fixed noise bank.
        EngineSetup.prepare(config.getInt(ConfigSchema.THREADS), seed);
        this.manager = NDManager.newBaseManager(device);
        this.ps = new ParameterStore(manager, false);
        this.spec = NetworkSpec.from(config, data.channels(), data.imageSize());
        this.objective = Objective.of(config.getString(ConfigSchema.OBJECTIVE_KIND));
        this.batchSize = config.getInt(ConfigSchema.BATCH_SIZE);
        this.generator = GanNetworks.generator(spec);
        this.critic = GanNetworks.critic(spec);
        if (objective.hasGradientPenalty() && !critic.supportsInputGradient()) {
            // Validation refuses model.dNorm = batch with a penalty; this is a layer without an input gradient.
            throw new IllegalStateException("the critic has a layer without an input gradient; " + objective
                    + " needs one");
        }
        generator.setInitializer(GanNetworks.initializer(spec.init()), Parameter.Type.WEIGHT);
        critic.setInitializer(GanNetworks.initializer(spec.init()), Parameter.Type.WEIGHT);
        generator.initialize(manager, DataType.FLOAT32, GanNetworks.noiseShape(spec, batchSize));
        critic.initialize(manager, DataType.FLOAT32, GanNetworks.criticInputShape(spec, batchSize));
        // A first step from the random vectors, so that σ is an estimate before the first update.
        SpectralLayer.powerIterateAll(generator);
        SpectralLayer.powerIterateAll(critic);
        this.criticMixesSamples = GanNetworks.mixesSamples(critic);
        this.gParams = trainable(generator);
        this.dParams = trainable(critic);
        this.optG = Optimizers.create(config, "optG");
        this.optD = Optimizers.create(config, "optD");
        this.live = new LiveSettings(config);
        this.totalSteps = scheduleLength(config);
        this.lrFactor = LrScheduleBuilder.forGan(config, totalSteps);
        this.tricks = Tricks.active(new TrickSetup(config, manager, totalSteps, parametersOf(gParams), null));
        this.source = data.isTwoDimensional() ? new MixtureSource(data.mixture(), manager, seed)
                : new ImageSource(data.images(), manager, seed);
        this.fixedNoise = manager.randomNormal(GanNetworks.noiseShape(spec,
                config.getInt(ConfigSchema.LOG_NOISE_BANK)));
        this.unroll = config.getInt(ConfigSchema.TRICKS_UNROLL);
    }

    /** G iterations the schedules span: scheduleSteps when set (a resumed run that was lengthened), else steps. */
    static int scheduleLength(RunConfig c) {
        int pinned = c.getInt(ConfigSchema.SCHEDULE_STEPS);
        return pinned > 0 ? pinned : c.getInt(ConfigSchema.STEPS);
    }

    private static List<Parameter> parametersOf(List<Pair<String, Parameter>> list) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : list) {
            out.add(p.getValue());
        }
        return out;
    }

    private static List<Pair<String, Parameter>> trainable(GradSequential block) {
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                list.add(p);
            }
        }
        return list;
    }

    public long getStep() {
        return step;
    }

    public long getCriticIterations() {
        return criticIterations;
    }

    public NetworkSpec getSpec() {
        return spec;
    }

    public TrainingData getData() {
        return data;
    }

    public Objective getObjective() {
        return objective;
    }

    /** The real-data stream (tests compare a twin's batches with its source's). */
    BatchSource dataSource() {
        return source;
    }

    /**
     * Runs one generator iteration and the critic iterations before it.
     *
     * @param details whether to also measure gradient norms, critic outputs and the clip fraction (a few
     *     extra reductions; done on logged steps only)
     * @throws DivergenceException when a loss is NaN or infinite; the networks are then not updated further
     */
    public StepMetrics step(boolean details) {
        long t0 = System.nanoTime();
        setLearningRates();
        int critics = live.schedule().criticIterations(step);
        CriticResult last = null;
        for (int i = 0; i < critics; i++) {
            last = criticIteration(i == critics - 1, details, -1);
        }
        checkUnreadLosses();
        checkFinite("critic", last.loss);
        CriticState lookedAhead = unroll > 0 ? lookAhead() : null;

        double gradNormG = Double.NaN;
        float lossG;
        RandomStreams.seedEngine(seed, RandomStreams.GENERATOR, step);
        long tricksSeed = RandomStreams.seed(seed, RandomStreams.GENERATOR_TRICKS, step);
        for (Trick t : tricks) {
            t.startGeneratorStep(tricksSeed);
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray loss;
            // The critic's weight gradients are not needed here: PyTorch skips them while they are frozen.
            setRequiresGradient(dParams, false);
            try (GradientCollector gc = new ThreadGradientCollector()) {
                NDArray fake = generator.forward(ps, new NDList(noise(batchSize)), true).singletonOrThrow();
                NDArray out = critic.forward(ps, new NDList(criticInput(fake)), true).singletonOrThrow();
                loss = objective.generatorLoss(out);
                for (Trick t : tricks) {
                    loss = t.generatorLoss(loss);
                }
                gc.backward(loss);
            } finally {
                setRequiresGradient(dParams, true);
            }
            lossG = loss.getFloat();
            if (details) {
                gradNormG = gradientNorm(gParams);
            }
        } finally {
            if (lookedAhead != null) {
                lookedAhead.restore();
            }
        }
        checkFinite("generator", lossG);
        update(gParams, optG);
        if (spec.stabilizers().spectralGenerator()) {
            SpectralLayer.powerIterateAll(generator);
        }
        for (Trick t : tricks) {
            t.afterUpdate(step);
        }
        step++;
        return metrics(last, lossG, gradNormG, details, (double) batchSize * (critics + 1), t0);
    }

    /**
     * Runs exactly one critic iteration and updates the critic, as the next {@link #step} would begin; the
     * generator does not move, so {@link #getStep()} stays and {@link #getCriticIterations()} grows by one. For
     * watching the critic's side of the game one update at a time (the studio's "Step critic" while paused).
     *
     * @return a fully measured row at the current step; the generator's loss and gradient norm are NaN
     * @throws DivergenceException when the critic loss is NaN or infinite
     */
    public StepMetrics criticStep() {
        long t0 = System.nanoTime();
        setLearningRates();
        CriticResult r = criticIteration(true, true, -1);
        checkFinite("critic", r.loss);
        return metrics(r, Float.NaN, Double.NaN, true, batchSize, t0);
    }

    /** Both learning rates for the coming iteration: the live base rates times the schedule's factor. */
    private void setLearningRates() {
        float factor = (float) lrFactor.rate(step + 1);
        optG.setLearningRate(live.lrG() * factor);
        optD.setLearningRate(live.lrD() * factor);
    }

    /** What one critic iteration measured (NaN where it was not asked to measure). */
    private record CriticResult(float loss, float dReal, float dFake, float penalty, double gradNorm) {}

    /**
     * The unrolled GAN's look-ahead: {@link #unroll} more critic updates, with draws of their own stream, whose
     * result G's coming loss is taken against; the returned state undoes them afterwards.
     */
    private CriticState lookAhead() {
        CriticState before = new CriticState();
        for (int k = 0; k < unroll; k++) {
            criticIteration(false, false, step * unroll + k);
        }
        return before;
    }

    /** The critic's weights (σ vectors included) and optimizer state as they were, to undo a look-ahead. */
    private final class CriticState {
        private final List<NDArray> weights = new ArrayList<>();
        private final ParameterOptimizer.Snapshot optimizer = optD.snapshot();

        CriticState() {
            for (Pair<String, Parameter> p : critic.getParameters()) {
                weights.add(p.getValue().getArray().duplicate());
            }
        }

        void restore() {
            int i = 0;
            for (Pair<String, Parameter> p : critic.getParameters()) {
                NDArray saved = weights.get(i++);
                Scalars.muli(p.getValue().getArray(), 0).addi(saved);
                saved.close();
            }
            optD.restore(optimizer);
        }
    }

    /**
     * One critic update, then weight clipping for WGAN; counts it in {@link #criticIterations} unless it is a
     * look-ahead.
     *
     * @param measure whether to read the loss and mean outputs back (one device sync; the last iteration only)
     * @param details whether to also measure the critic's gradient norm
     * @param lookAhead the look-ahead's counter (its draws come from their own stream), or −1 for a counted update
     * @return the measurements, or null when not measured
     */
    private CriticResult criticIteration(boolean measure, boolean details, long lookAhead) {
        float lambda = live.lambda();
        CriticResult result = null;
        boolean counted = lookAhead < 0;
        RandomStreams.seedEngine(seed, counted ? RandomStreams.CRITIC : RandomStreams.UNROLL,
                counted ? criticIterations : 2 * lookAhead);
        SplittableRandom tricksRandom = new SplittableRandom(counted
                ? RandomStreams.seed(seed, RandomStreams.CRITIC_TRICKS, criticIterations)
                : RandomStreams.seed(seed, RandomStreams.UNROLL, 2 * lookAhead + 1));
        for (Trick t : tricks) {
            t.startCriticIteration(tricksRandom);
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray real = criticInput(source.next(batchSize));
            NDArray fake = criticInput(generator.forward(ps, new NDList(noise(batchSize)), true).singletonOrThrow());
            NDArray loss;
            NDArray penalty = null;
            NDArray dReal;
            NDArray dFake;
            try (GradientCollector gc = new ThreadGradientCollector()) {
                if (criticMixesSamples) {
                    dReal = critic.forward(ps, new NDList(real), true).singletonOrThrow();
                    dFake = critic.forward(ps, new NDList(fake), true).singletonOrThrow();
                } else {
                    // One pass over both halves: fewer, larger kernels; same numbers without batch norm.
                    NDArray both = critic.forward(ps, new NDList(NDArrays.concat(new NDList(real, fake))), true)
                            .singletonOrThrow();
                    long half = real.getShape().get(0); // packs, not samples, when packing
                    dReal = both.get(new NDIndex("0:{}", half));
                    dFake = both.get(new NDIndex("{}:", half));
                }
                CriticPass pass = new Pass(real, fake, dReal, dFake, tricksRandom);
                loss = pass.criticLoss(1f);
                for (Trick t : tricks) {
                    loss = t.criticLoss(loss, pass);
                }
                NDArray total = loss;
                if (objective.hasGradientPenalty() && lambda > 0) {
                    penalty = GradientPenalty.compute(critic, ps, real, fake, GradientPenalty.coefficients(real),
                            objective == Objective.WGAN_LP);
                    total = loss.add(Scalars.mul(penalty, lambda));
                }
                gc.backward(total);
            }
            if (!measure) {
                keepUnreadLoss(loss);
            } else {
                NDList stats = new NDList(loss, dReal.mean(), dFake.mean(),
                        penalty == null ? loss.zerosLike() : penalty);
                float[] v = NDArrays.stack(stats).toFloatArray();
                result = new CriticResult(v[0], v[1], v[2], v[3], details ? gradientNorm(dParams) : Double.NaN);
            }
        }
        update(dParams, optD);
        if (objective == Objective.WGAN) {
            clipCritic();
        }
        if (spec.stabilizers().spectralCritic()) {
            SpectralLayer.powerIterateAll(critic);
        }
        if (counted) {
            criticIterations++;
        }
        return result;
    }

    /** The logged row after an update; the learning rates are those the update used. */
    private StepMetrics metrics(CriticResult c, float lossG, double gradNormG, boolean details, double samples,
            long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new StepMetrics(step, criticIterations, c.loss, lossG,
                objective.isWasserstein() ? -c.loss : Double.NaN, c.dReal, c.dFake, gradNormG, c.gradNorm,
                details && objective == Objective.WGAN ? clipFraction() : Double.NaN,
                objective.hasGradientPenalty() ? c.penalty : Double.NaN,
                optG.getLearningRate(), optD.getLearningRate(), samples / seconds, wallSeconds());
    }

    /** Seconds of training, including those before a resume. */
    public double wallSeconds() {
        return elapsedBefore + (System.nanoTime() - started) / 1e9;
    }

    /** What the critic sees of a batch, real or generated, after the tricks that change it. */
    private NDArray criticInput(NDArray x) {
        NDArray y = x;
        for (Trick t : tricks) {
            y = t.criticInput(y, step);
        }
        return y;
    }

    /** One critic iteration's batches and outputs, for the tricks that change its loss. */
    private final class Pass implements CriticPass {
        private final NDArray real;
        private final NDArray fake;
        private final NDArray dReal;
        private final NDArray dFake;
        private final SplittableRandom random;

        Pass(NDArray real, NDArray fake, NDArray dReal, NDArray dFake, SplittableRandom random) {
            this.real = real;
            this.fake = fake;
            this.dReal = dReal;
            this.dFake = dFake;
            this.random = random;
        }

        @Override
        public NDArray real() {
            return real;
        }

        @Override
        public NDArray fake() {
            return fake;
        }

        @Override
        public NDArray critic(NDArray x) {
            return GanTrainer.this.critic.forward(ps, new NDList(x), true).singletonOrThrow();
        }

        @Override
        public NDArray realOutput() {
            return dReal;
        }

        @Override
        public NDArray fakeOutput() {
            return dFake;
        }

        @Override
        public NDArray inputGradient(NDArray x) {
            return GradientPenalty.inputGradient(critic, ps, x);
        }

        @Override
        public long iteration() {
            return criticIterations;
        }

        @Override
        public NDArray criticLoss(float realTarget) {
            return objective.criticLoss(dReal, dFake, realTarget);
        }

        @Override
        public NDArray softTargetLoss(NDArray out, NDArray target) {
            return objective.softTargetLoss(out, target);
        }

        @Override
        public SplittableRandom random() {
            return random;
        }
    }

    /** Runs a draw from the generator with the weights the tricks want (the EMA's average, when it is on). */
    private <T> T sampled(Supplier<T> draw) {
        Supplier<T> wrapped = draw;
        for (Trick t : tricks) {
            Supplier<T> inner = wrapped;
            wrapped = () -> t.sampling(inner);
        }
        return wrapped.get();
    }

    private NDArray noise(int n) {
        return manager.randomNormal(GanNetworks.noiseShape(spec, n));
    }

    private static void setRequiresGradient(List<Pair<String, Parameter>> params, boolean requires) {
        for (Pair<String, Parameter> p : params) {
            p.getValue().getArray().setRequiresGradient(requires);
        }
    }

    private static void update(List<Pair<String, Parameter>> params, ParameterOptimizer optimizer) {
        for (Pair<String, Parameter> p : params) {
            NDArray weight = p.getValue().getArray();
            try (NDArray grad = weight.getGradient()) {
                optimizer.update(p.getKey(), weight, grad);
            }
        }
    }

    private static double gradientNorm(List<Pair<String, Parameter>> params) {
        NDList squares = new NDList(params.size());
        for (Pair<String, Parameter> p : params) {
            squares.add(p.getValue().getArray().getGradient().square().sum());
        }
        return Math.sqrt(NDArrays.stack(squares).sum().getFloat());
    }

    private void clipCritic() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Pair<String, Parameter> p : dParams) {
                NDArray w = p.getValue().getArray();
                // Replace the values in place so the parameter keeps its identity (and its gradient slot).
                NDArray clipped = w.clip(-live.clip(), live.clip());
                Scalars.muli(w, 0).addi(clipped);
            }
        }
    }

    /** Fraction of critic weights sitting at ±c. */
    private double clipFraction() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList counts = new NDList(dParams.size());
            long total = 0;
            for (Pair<String, Parameter> p : dParams) {
                NDArray w = p.getValue().getArray();
                counts.add(w.abs().gte(live.clip() * 0.999999f).toType(DataType.FLOAT32, false).sum());
                total += w.size();
            }
            return NDArrays.stack(counts).sum().getFloat() / total;
        }
    }

    private void checkFinite(String which, float loss) {
        if (!Float.isFinite(loss)) {
            throw new DivergenceException("the " + which + " loss became " + loss + " at step " + (step + 1)
                    + " (critic iteration " + criticIterations + "); " + advice());
        }
    }

    /** What to try after a divergence, for this run's objective (no "use wgan-gp" to a WGAN-GP run). */
    private String advice() {
        switch (objective) {
            case WGAN_GP:
            case WGAN_LP:
                return "lower the learning rates (optG.lr / optD.lr) or objective.lambda";
            case WGAN:
                return "lower the learning rates (optG.lr / optD.lr) or objective.clip, or use wgan-gp";
            default:
                return "lower the learning rates (optG.lr / optD.lr), or use wgan-gp";
        }
    }

    /** Sums the losses of critic iterations that were not read back, so that a NaN in any of them is caught. */
    private void keepUnreadLoss(NDArray loss) {
        NDArray sum = unreadLosses == null ? loss.add(0f) : unreadLosses.add(loss);
        NDScope.unregister(sum);
        if (unreadLosses != null) {
            unreadLosses.close();
        }
        unreadLosses = sum;
    }

    /** One read per step of the unread critic losses' sum (NaN and infinity survive a sum). */
    private void checkUnreadLosses() {
        if (unreadLosses != null) {
            float sum = unreadLosses.getFloat();
            unreadLosses.close();
            unreadLosses = null;
            if (!Float.isFinite(sum)) {
                throw new DivergenceException("a critic loss became " + sum + " in step " + (step + 1) + "; "
                        + advice());
            }
        }
    }

    /** The generator's output on the fixed noise bank, as a picture (image grid or 2D view). */
    public Frame frame() {
        return sampled(this::rawFrame);
    }

    private Frame rawFrame() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] values = rawFixedNoiseSamples();
            if (!data.isTwoDimensional()) {
                return ImageGrid.render(step, values, (int) fixedNoise.getShape().get(0), spec.channels(),
                        spec.imageSize());
            }
            Mixture2D mix = data.mixture();
            int res = config.getInt(ConfigSchema.LOG_HEATMAP);
            double extent = mix.extent();
            NDArray points = planeGrid(res, extent);
            int pack = spec.stabilizers().pack();
            // A packing critic judges m points at once: the heatmap shows its score for m copies of each point.
            NDArray input = pack == 1 ? points : points.tile(new long[] {1, pack});
            float[] heat = critic.forward(ps, new NDList(input), false).singletonOrThrow().toFloatArray();
            double[][] means = mix.means();
            double[] flat = new double[means.length * 2];
            for (int i = 0; i < means.length; i++) {
                flat[2 * i] = means[i][0];
                flat[2 * i + 1] = means[i][1];
            }
            return FrameCoverage.score(PlaneRenderer.render(step, values, heat, res, extent, flat, PLANE_SIDE), mix);
        }
    }

    private NDArray planeGrid(int res, double extent) {
        if (planeGrid == null) {
            float[] xy = new float[res * res * 2];
            for (int row = 0; row < res; row++) {
                for (int col = 0; col < res; col++) {
                    int i = (row * res + col) * 2;
                    xy[i] = (float) (-extent + (col + 0.5) * 2 * extent / res);
                    xy[i + 1] = (float) (extent - (row + 0.5) * 2 * extent / res);
                }
            }
            NDScope.unregister(planeGrid = manager.create(xy, new Shape((long) res * res, 2)));
        }
        return planeGrid;
    }

    /** Runs {@code action} with the weights samples are drawn with in place (the EMA's average, when it is on). */
    public <T> T withSamplingWeights(Supplier<T> action) {
        return sampled(action);
    }

    /** The generator's output on the fixed noise bank, flattened, with the sampling weights (what a frame shows). */
    public float[] fixedNoiseSamples() {
        return sampled(() -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                return rawFixedNoiseSamples();
            }
        });
    }

    /** The generator's output on the fixed noise bank with the weights in place, inside the caller's scope. */
    private float[] rawFixedNoiseSamples() {
        return generator.forward(ps, new NDList(fixedNoise), false).singletonOrThrow().toFloatArray();
    }

    /**
     * A new run's starting weights from a file (model.initFrom): generator.* and critic.* of an export or a
     * PyTorch state dict, or unprefixed names for the generator alone. Before the first step only: the tricks that
     * keep a copy of the weights (the EMA of G) start again from them. Returns what was loaded, for the event log.
     */
    public String loadInitialWeights(java.nio.file.Path file) {
        Map<String, StateDict.Values> all = WeightFiles.read(file);
        Map<String, StateDict.Values> g = withPrefix(all, "generator.");
        Map<String, StateDict.Values> d = withPrefix(all, "critic.");
        boolean prefixed = !g.isEmpty() || !d.isEmpty() || all.keySet().stream().anyMatch(k -> k.startsWith(
                "generator_ema."));
        if (!prefixed) {
            g = all;
        }
        if (g.isEmpty()) {
            throw new UserError(file + ": no generator weights (generator.* or unprefixed names)");
        }
        StateDict.load(generator, g, "the generator");
        if (!d.isEmpty()) {
            StateDict.load(critic, d, "the critic");
        }
        SpectralLayer.powerIterateAll(generator);
        SpectralLayer.powerIterateAll(critic);
        for (Trick t : tricks) {
            t.weightsReplaced();
        }
        return "started from " + file.getFileName() + " (" + (d.isEmpty() ? "generator" : "generator and critic")
                + ")";
    }

    private static Map<String, StateDict.Values> withPrefix(Map<String, StateDict.Values> all, String prefix) {
        Map<String, StateDict.Values> out = new java.util.LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The generator network (for the weight export; training owns it). */
    public GradSequential generatorNetwork() {
        return generator;
    }

    /** The critic network (for the weight export; training owns it). */
    public GradSequential criticNetwork() {
        return critic;
    }

    /** n samples from the generator with fresh noise, flattened (for evaluation). */
    public float[] sample(int n) {
        return sampled(() -> rawSample(n));
    }

    private float[] rawSample(int n) {
        RandomStreams.seedEngine(seed, RandomStreams.EVALUATION, step);
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int done = 0; done < n; done += 1024) {
            int count = Math.min(1024, n - done);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] part = generator.forward(ps, new NDList(noise(count)), false).singletonOrThrow().toFloatArray();
                parts.add(part);
                total += part.length;
            }
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Applies a live edit between steps; returns a line for the event log. */
    public String apply(String key, double value) {
        return live.apply(key, value);
    }

    /** Current value of a live-editable key (base learning rates before any decay). */
    public double current(String key) {
        return live.get(key);
    }

    /** The fixed noise bank, encoded for fixed-noise.bin. */
    public byte[] fixedNoiseBytes() {
        return fixedNoise.encode();
    }

    /** Replaces the fixed noise bank with a saved one, so a resumed or paired run sees the same z. */
    public void readFixedNoise(byte[] encoded, java.nio.file.Path file) {
        // The encoding's length follows from the shape, so a file of another length is refused before its header
        // can ask for an allocation.
        int expected = fixedNoise.encode().length;
        if (encoded.length != expected) {
            throw new UserError(file + ": " + encoded.length + " bytes, this run's noise bank "
                    + fixedNoise.getShape() + " takes " + expected + " (damaged, or model.zDim or log.noiseBank "
                    + "differ)");
        }
        NDArray loaded;
        try {
            loaded = manager.decode(encoded);
        } catch (RuntimeException e) {
            throw new UserError(file + ": not a noise bank (" + e.getMessage() + ")");
        }
        if (!loaded.getShape().equals(fixedNoise.getShape())) {
            throw new UserError(file + ": fixed noise of shape " + loaded.getShape() + " does not fit this run's "
                    + fixedNoise.getShape() + " (model.zDim or log.noiseBank differ)");
        }
        Scalars.muli(fixedNoise, 0).addi(loaded);
        loaded.close();
    }

    public void saveGenerator(DataOutputStream out) throws IOException {
        generator.saveParameters(out);
    }

    public void saveCritic(DataOutputStream out) throws IOException {
        critic.saveParameters(out);
    }

    /** Counters, data position, optimizer moments, live settings and the EMA: the state.bin payload. */
    public void saveState(DataOutputStream state) throws IOException {
        state.writeLong(step);
        state.writeLong(criticIterations);
        state.writeLong(source.position());
        state.writeDouble(wallSeconds());
        optG.save(state);
        optD.save(state);
        live.write(state);
        for (Trick t : tricks) {
            t.save(state);
        }
    }

    /**
     * Loads a verified checkpoint. The parameter files must be exactly as long as this config's networks write
     * (another architecture, or a file cut short, is refused before anything is read from it).
     */
    public void loadCheckpoint(CheckpointIo.Contents c) throws IOException {
        CheckpointIo.requireLength(c, GENERATOR_FILE, this::saveGenerator);
        CheckpointIo.requireLength(c, CRITIC_FILE, this::saveCritic);
        try {
            generator.loadParameters(manager, c.file(GENERATOR_FILE));
            critic.loadParameters(manager, c.file(CRITIC_FILE));
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("checkpoint does not match the networks of config.json: " + e.getMessage(), e);
        }
        // Loaded arrays are new and do not require gradients yet.
        gParams.clear();
        gParams.addAll(trainable(generator));
        dParams.clear();
        dParams.addAll(trainable(critic));
        setRequiresGradient(gParams, true);
        setRequiresGradient(dParams, true);
        CheckpointIo.readState(c, (state, version) -> {
            // Versions 1 and 2 hold the same state; 2 added the header that CheckpointIo checks.
            step = state.readLong();
            criticIterations = state.readLong();
            long position = state.readLong();
            if (step < 0 || criticIterations < step || position < 0) {
                throw new IOException("counters out of range (step " + step + ", critic iterations "
                        + criticIterations + ", data position " + position + ")");
            }
            source.seek(position);
            elapsedBefore = state.readDouble();
            optG.load(state, manager);
            optD.load(state, manager);
            live.read(state);
            for (Trick t : tricks) {
                t.load(state, manager);
            }
        });
    }

    /**
     * Refuses to go on with weights that are NaN or infinite, so that no checkpoint ever holds them (one reduction
     * per network; run before each checkpoint).
     *
     * @throws DivergenceException naming the network
     */
    public void checkWeightsFinite() {
        checkWeights(gParams, "generator");
        checkWeights(dParams, "critic");
    }

    private void checkWeights(List<Pair<String, Parameter>> params, String which) {
        float total = Weights.sum(params);
        if (!Float.isFinite(total)) {
            throw new DivergenceException("the " + which + "'s weights became " + total + " at step " + step
                    + " (no checkpoint was written from them); " + advice());
        }
    }

    /** Number of arrays alive on this trainer's manager (a leak shows as growth across steps). */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** The generator's trainable parameters; a copy, so a caller cannot change which ones train. */
    List<Pair<String, Parameter>> generatorParameters() {
        return List.copyOf(gParams);
    }

    /** The critic's trainable parameters; a copy, so a caller cannot change which ones train. */
    List<Pair<String, Parameter>> criticParameters() {
        return List.copyOf(dParams);
    }

    @Override
    public void close() {
        if (unreadLosses != null) {
            unreadLosses.close();
        }
        source.close();
        manager.close();
    }
}
