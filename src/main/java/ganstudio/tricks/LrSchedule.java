package ganstudio.tricks;

import ganstudio.config.RunConfig;

/**
 * The learning rate at iteration x (1-based: the rate the x-th update uses). Closed forms, so a resumed run
 * or a chart can ask for any x; only {@link PlateauSchedule} also depends on validation results.
 */
public interface LrSchedule {

    double rate(long x);

    /** Told the validation loss after each epoch; only plateau schedules use it. */
    default void onValidation(double loss) {}

    /** Writes what the schedule learned while training (a plateau's rate and count); most learn nothing. */
    default void save(java.io.DataOutput out) throws java.io.IOException {}

    /** Reads what {@link #save} wrote. */
    default void load(java.io.DataInput in) throws java.io.IOException {}

    static LrSchedule constant(double lr0) {
        return x -> lr0;
    }

    /** lr0·γ^⌊(x−1)/every⌋. */
    static LrSchedule step(double lr0, double gamma, long every) {
        return x -> lr0 * Math.pow(gamma, Math.floorDiv(x - 1, every));
    }

    /** lr0·γ^((x−1)/per): γ per {@code per} iterations (an epoch), smoothly. */
    static LrSchedule exponential(double lr0, double gamma, long per) {
        return x -> lr0 * Math.pow(gamma, (double) (x - 1) / per);
    }

    /** One half cosine from lr0 at x = 1 to lrMin at x = total + 1. */
    static LrSchedule cosine(double lr0, double lrMin, long total) {
        return x -> lrMin + (lr0 - lrMin) / 2 * (1 + Math.cos(Math.PI * Math.min(x - 1, total) / total));
    }

    /** Cyclic cosine with restarts (SGDR): (lr0 − lrMin)/2·(cos(π·((x−1) mod C)/C) + 1) + lrMin. */
    static LrSchedule cyclic(double lr0, double lrMin, long cycle) {
        return x -> (lr0 - lrMin) / 2 * (Math.cos(Math.PI * Math.floorMod(x - 1, cycle) / cycle) + 1) + lrMin;
    }

    /** Linear warmup over w iterations, lr(x) = after(1)·x/w, then {@code after} shifted by w. */
    static LrSchedule warmup(LrSchedule after, long w) {
        if (w <= 0) {
            return after;
        }
        return new LrSchedule() {
            @Override
            public double rate(long x) {
                return x <= w ? after.rate(1) * x / w : after.rate(x - w);
            }

            @Override
            public void onValidation(double loss) {
                after.onValidation(loss);
            }

            @Override
            public void save(java.io.DataOutput out) throws java.io.IOException {
                after.save(out);
            }

            @Override
            public void load(java.io.DataInput in) throws java.io.IOException {
                after.load(in);
            }
        };
    }

    /**
     * The schedule of a classifier config. Epoch-valued keys become iterations with {@code itersPerEpoch};
     * linear scaling multiplies the base rate by batch/256.
     */
    static LrSchedule fromConfig(RunConfig c, double baseLr, long itersPerEpoch, long totalIters) {
        double lr0 = c.getBool("sched.linearScaling") ? baseLr * c.getInt("batchSize") / 256.0 : baseLr;
        long warm = Math.round(c.getDouble("sched.warmupEpochs") * itersPerEpoch);
        long rest = Math.max(1, totalIters - warm);
        double gamma = c.getDouble("sched.gamma");
        double lrMin = c.getDouble("sched.minLr");
        LrSchedule after;
        switch (c.getString("sched.kind")) {
            case "step":
                after = step(lr0, gamma, Math.max(1, Math.round(c.getDouble("sched.stepEvery") * itersPerEpoch)));
                break;
            case "exponential":
                after = exponential(lr0, gamma, itersPerEpoch);
                break;
            case "cosine":
                after = cosine(lr0, lrMin, rest);
                break;
            case "cyclic":
                after = cyclic(lr0, lrMin, Math.max(1, Math.round(c.getDouble("sched.cycleEpochs") * itersPerEpoch)));
                break;
            case "plateau":
                after = new PlateauSchedule(lr0, gamma, c.getInt("sched.patience"));
                break;
            default:
                after = constant(lr0);
                break;
        }
        return warmup(after, warm);
    }
}
