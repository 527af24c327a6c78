package ganstudio.tricks;

import ganstudio.config.RunConfig;
import ganstudio.config.ClassifierKeys;
import ganstudio.config.ConfigSchema;

/**
 * Builds the learning-rate schedule of a GAN (lrDecay, lrWarmup, lrCycle, in G iterations) or of a classifier
 * (sched.*, in epochs), so both tasks get the same shapes and the same warmup: a linear ramp from 0 over the
 * warmup iterations, then the shape over the iterations that are left.
 */
public final class LrScheduleBuilder {

    private String kind = "constant";
    private double baseRate = 1;
    private long total = 1;
    private long warmup;
    private long stepEvery = 1;
    private long gammaPeriod = 1;
    private double gamma = 0.1;
    private double minRate;
    private long cycle = 1;
    private int patience = 2;

    /** The GAN's factor on its live base rates at each G iteration (1 at full rate). */
    public static LrSchedule forGan(RunConfig c, long totalSteps) {
        return new LrScheduleBuilder().setKind(c.getString(ConfigSchema.LR_DECAY)).setTotal(totalSteps)
                .optWarmup(c.getInt(ConfigSchema.LR_WARMUP)).optCycle(c.getInt(ConfigSchema.LR_CYCLE)).build();
    }

    /**
     * A classifier's rate at each batch. Epoch-valued keys become iterations with {@code itersPerEpoch}; linear
     * scaling multiplies the base rate by batch/256.
     */
    public static LrSchedule forClassifier(RunConfig c, double baseLr, long itersPerEpoch, long totalIters) {
        double lr0 = c.getBool(ClassifierKeys.SCHED_LINEAR_SCALING)
                ? baseLr * c.getInt(ConfigSchema.BATCH_SIZE) / 256.0 : baseLr;
        return new LrScheduleBuilder().setKind(c.getString(ClassifierKeys.SCHED_KIND)).setBaseRate(lr0)
                .setTotal(totalIters)
                .optWarmup(Math.round(c.getDouble(ClassifierKeys.SCHED_WARMUP_EPOCHS) * itersPerEpoch))
                .optStepEvery(Math.round(c.getDouble(ClassifierKeys.SCHED_STEP_EVERY) * itersPerEpoch))
                .optGamma(c.getDouble(ClassifierKeys.SCHED_GAMMA), itersPerEpoch)
                .optMinRate(c.getDouble(ClassifierKeys.SCHED_MIN_LR))
                .optCycle(Math.round(c.getDouble(ClassifierKeys.SCHED_CYCLE_EPOCHS) * itersPerEpoch))
                .optPatience(c.getInt(ClassifierKeys.SCHED_PATIENCE)).build();
    }

    /** constant (or none), linear, step, exponential, cosine, cyclic or plateau. */
    public LrScheduleBuilder setKind(String kind) {
        this.kind = kind;
        return this;
    }

    public LrScheduleBuilder setBaseRate(double baseRate) {
        this.baseRate = baseRate;
        return this;
    }

    /** Iterations the whole schedule spans, warmup included. */
    public LrScheduleBuilder setTotal(long total) {
        this.total = total;
        return this;
    }

    public LrScheduleBuilder optWarmup(long iterations) {
        this.warmup = iterations;
        return this;
    }

    /** step: the rate is multiplied by gamma every this many iterations. */
    public LrScheduleBuilder optStepEvery(long iterations) {
        this.stepEvery = iterations;
        return this;
    }

    /** step, exponential and plateau: the factor; exponential applies it once per {@code period} iterations. */
    public LrScheduleBuilder optGamma(double gamma, long period) {
        this.gamma = gamma;
        this.gammaPeriod = period;
        return this;
    }

    /** cosine and cyclic: the lowest rate. */
    public LrScheduleBuilder optMinRate(double minRate) {
        this.minRate = minRate;
        return this;
    }

    /** cyclic: iterations per cosine cycle. */
    public LrScheduleBuilder optCycle(long iterations) {
        this.cycle = iterations;
        return this;
    }

    /** plateau: validations without a lower loss before the rate is cut. */
    public LrScheduleBuilder optPatience(int validations) {
        this.patience = validations;
        return this;
    }

    public LrSchedule build() {
        long rest = Math.max(1, total - warmup);
        LrSchedule after;
        switch (kind) {
            case "linear":
                after = LrSchedule.linear(baseRate, rest);
                break;
            case "step":
                after = LrSchedule.step(baseRate, gamma, Math.max(1, stepEvery));
                break;
            case "exponential":
                after = LrSchedule.exponential(baseRate, gamma, Math.max(1, gammaPeriod));
                break;
            case "cosine":
                after = LrSchedule.cosine(baseRate, minRate, rest);
                break;
            case "cyclic":
                after = LrSchedule.cyclic(baseRate, minRate, Math.max(1, cycle));
                break;
            case "plateau":
                after = new PlateauSchedule(baseRate, gamma, patience);
                break;
            default: // constant, none
                after = LrSchedule.constant(baseRate);
                break;
        }
        return LrSchedule.warmup(after, warmup);
    }
}
