package ganstudio.train;

import ganstudio.config.RunConfig;
import ganstudio.tricks.Tricks;

/**
 * What a resume may change about a run: its length (steps or epochs), whether the schedules stretch to the new
 * length, and the device. Everything else (seed, data, settings, where it lives) is the run's own: a resumed run is
 * the same run, continued.
 *
 * @param length the new steps (GAN) or epochs (classifier), or null to keep it
 * @param reschedule whether the schedules span the new length instead of the run's first one (the numbers then
 *     differ from the uninterrupted run's from the resume on)
 * @param device the device to go on with (a GPU run resumed on the CPU and back), or null to keep it
 */
public record ResumeRequest(Integer length, boolean reschedule, String device) {

    public static ResumeRequest asBefore() {
        return new ResumeRequest(null, false, null);
    }

    /**
     * The config to resume with.
     *
     * @param lengthKey steps or cls.epochs
     * @param scheduleKey the key that pins the schedules' span (0 = the length)
     */
    public RunConfig apply(RunConfig c, String lengthKey, String scheduleKey) {
        RunConfig out = c;
        if (reschedule) {
            out = out.withValue(scheduleKey, 0);
        } else if (length != null && length != c.getInt(lengthKey) && c.getInt(scheduleKey) == 0) {
            out = out.withValue(scheduleKey, c.getInt(lengthKey));
        }
        if (length != null) {
            out = out.withValue(lengthKey, length);
        }
        if (device != null) {
            out = out.withValue("device", device);
        }
        return Tricks.validate(out, "");
    }
}
