package ganstudio.train.gan;

import ganstudio.config.ConfigSchema;
import ganstudio.config.RunConfig;
import ganstudio.config.UserError;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The values a user may change while a run trains (base learning rates, n_critic, burst, clip, λ), owned by the
 * training thread. They are saved with every checkpoint, so a resumed run keeps its edits.
 */
public final class LiveSettings {

    /** The keys ConfigSchema marks live for a GAN; {@link #apply} takes each of them. */
    static final String KEYS = String.join(", ", ConfigSchema.liveKeys("gan"));

    private float lrG;
    private float lrD;
    private float clip;
    private float lambda;
    private CriticSchedule schedule;

    public LiveSettings(RunConfig c) {
        lrG = (float) c.getDouble("optG.lr");
        lrD = (float) c.getDouble("optD.lr");
        clip = (float) c.getDouble(ConfigSchema.OBJECTIVE_CLIP);
        lambda = (float) c.getDouble(ConfigSchema.OBJECTIVE_LAMBDA);
        schedule = new CriticSchedule(c.getInt(ConfigSchema.OBJECTIVE_N_CRITIC),
                c.getBool(ConfigSchema.OBJECTIVE_BURST),
                c.getInt(ConfigSchema.OBJECTIVE_BURST_CRITIC), c.getInt(ConfigSchema.OBJECTIVE_BURST_FIRST),
                        c.getInt(ConfigSchema.OBJECTIVE_BURST_EVERY));
    }

    public float lrG() {
        return lrG;
    }

    public float lrD() {
        return lrD;
    }

    public float clip() {
        return clip;
    }

    public float lambda() {
        return lambda;
    }

    public CriticSchedule schedule() {
        return schedule;
    }

    /** Sets one key; returns the line for the event log. */
    public String apply(String key, double value) {
        switch (key) {
            case "optG.lr":
                lrG = (float) value;
                break;
            case "optD.lr":
                lrD = (float) value;
                break;
            case "objective.clip":
                clip = (float) value;
                break;
            case "objective.lambda":
                lambda = (float) value;
                break;
            case "objective.nCritic":
                schedule = new CriticSchedule((int) value, schedule.burst(), schedule.burstCritic(),
                        schedule.burstFirst(), schedule.burstEvery());
                break;
            case "objective.burst":
                schedule = new CriticSchedule(schedule.nCritic(), value != 0, schedule.burstCritic(),
                        schedule.burstFirst(), schedule.burstEvery());
                break;
            default:
                throw new UserError(key + " cannot be changed while training; live keys: " + KEYS);
        }
        return key + " = " + value;
    }

    public double get(String key) {
        switch (key) {
            case "optG.lr":
                return lrG;
            case "optD.lr":
                return lrD;
            case "objective.clip":
                return clip;
            case "objective.lambda":
                return lambda;
            case "objective.nCritic":
                return schedule.nCritic();
            case "objective.burst":
                return schedule.burst() ? 1 : 0;
            default:
                throw new UserError(key + " is not a live key; live keys: " + KEYS);
        }
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeFloat(lrG);
        out.writeFloat(lrD);
        out.writeFloat(clip);
        out.writeFloat(lambda);
        out.writeInt(schedule.nCritic());
        out.writeBoolean(schedule.burst());
    }

    public void read(DataInputStream in) throws IOException {
        lrG = in.readFloat();
        lrD = in.readFloat();
        clip = in.readFloat();
        lambda = in.readFloat();
        int nCritic = in.readInt();
        boolean burst = in.readBoolean();
        if (nCritic < 1 || !(lrG >= 0) || !(lrD >= 0) || !(clip > 0) || !(lambda >= 0)) {
            throw new IOException("live settings out of range (n_critic " + nCritic + ", lr " + lrG + "/" + lrD
                    + ", clip " + clip + ", λ " + lambda + ")");
        }
        schedule = new CriticSchedule(nCritic, burst, schedule.burstCritic(), schedule.burstFirst(),
                schedule.burstEvery());
    }
}
