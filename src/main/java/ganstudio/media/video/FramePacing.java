package ganstudio.media.video;

import ganstudio.config.UserError;

import java.util.ArrayList;
import java.util.List;

/**
 * Which training steps become video frames. Steps fall into buckets; a step is due when its bucket differs
 * from the previous step's. "every N": bucket = ⌊step / N⌋, so steps 0, N, 2N, … "sqrt": bucket =
 * round(2·√step), so frames come densely early, when a GAN changes fastest (steps 1, 2, 4, 6, 8, 11, 15, 19, …)
 * and 200 frames over 10,000 steps (2·√10000 = 200).
 */
public abstract class FramePacing {

    private FramePacing() {}

    public static FramePacing every(int n) {
        if (n < 1) {
            throw new UserError("--video-every " + n + ": expected a positive number of steps or sqrt");
        }
        return new FramePacing() {
            @Override
            public long bucket(long step) {
                return Math.floorDiv(step, n);
            }

            @Override
            public String toString() {
                return n == 1 ? "every step" : "every " + n + " steps";
            }
        };
    }

    public static FramePacing sqrt() {
        return new FramePacing() {
            @Override
            public long bucket(long step) {
                return Math.round(2 * Math.sqrt(Math.max(0, step)));
            }

            @Override
            public String toString() {
                return "sqrt (a frame whenever round(2·sqrt(step)) advances)";
            }
        };
    }

    /** "sqrt" or a positive integer N (every N steps). */
    public static FramePacing parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("sqrt")) {
            return sqrt();
        }
        try {
            return every(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new UserError("--video-every " + text + ": expected a positive number of steps or sqrt");
        }
    }

    public abstract long bucket(long step);

    /** Step 0 is always due; later steps when they open a new bucket. */
    public boolean isDue(long step) {
        return step <= 0 || bucket(step) != bucket(step - 1);
    }

    /**
     * Thins out frames that exist only at some steps (a run's saved PNGs): keeps a step when its bucket differs
     * from that of the last step kept. Ascending input, ascending output.
     */
    public List<Long> select(List<Long> steps) {
        List<Long> kept = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (long s : steps) {
            long b = bucket(s);
            if (kept.isEmpty() || b != last) {
                kept.add(s);
                last = b;
            }
        }
        return kept;
    }
}
