package ganstudio.sweep;

/**
 * One logged quantity of one run against generator iteration, steps ascending, only finite values (a row where
 * the quantity does not apply is left out).
 */
public record Curve(long[] steps, double[] values) {

    public Curve {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(steps.length + " steps for " + values.length + " values");
        }
        steps = steps.clone();
        values = values.clone();
    }

    public int size() {
        return steps.length;
    }

    public boolean isEmpty() {
        return steps.length == 0;
    }

    /** The value at a step inside the curve's range, linear between the logged steps around it. */
    double at(long step) {
        int lo = 0;
        int hi = steps.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (steps[lo] == step || lo == 0) {
            return values[lo];
        }
        double t = (double) (step - steps[lo - 1]) / (steps[lo] - steps[lo - 1]);
        return values[lo - 1] + t * (values[lo] - values[lo - 1]);
    }

    boolean covers(long step) {
        return steps.length > 0 && step >= steps[0] && step <= steps[steps.length - 1];
    }
}
