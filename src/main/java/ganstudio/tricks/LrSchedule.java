package ganstudio.tricks;


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

    /** lr0·max(0, 1 − (x−1)/total): from lr0 at x = 1 to 0 at x = total + 1. */
    static LrSchedule linear(double lr0, long total) {
        return x -> lr0 * Math.max(0, 1 - (double) (x - 1) / total);
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
}
