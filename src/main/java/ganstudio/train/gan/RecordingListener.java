package ganstudio.train.gan;

import ganstudio.media.Frame;
import ganstudio.media.video.Caption;
import ganstudio.media.video.FramePacing;
import ganstudio.media.video.Recorder;
import ganstudio.media.video.RecordingResult;
import ganstudio.media.video.VideoFrame;
import ganstudio.metrics.StepMetrics;
import ganstudio.config.ConfigSchema;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Records a session's frames (sample grid or 2D view) with the overlay: asks the session for a frame at each
 * step the pacing names, captions it with the latest logged losses and hands it to a {@link Recorder}. The
 * recording is finalized when the run ends, however it ends. Everything here runs on the training thread
 * and only offers to the recorder's queue.
 */
public final class RecordingListener implements GanListener {

    private final Recorder recorder;
    private final FramePacing pacing;
    private final String title;
    private final String objective;
    private volatile StepMetrics latest;
    private volatile long totalSteps;
    private long lastStep = -1;
    private volatile RecordingResult result;
    private Consumer<String> notice = line -> { };

    public RecordingListener(Recorder recorder, String title, String objective) {
        this.recorder = recorder;
        this.pacing = recorder.settings().pacing();
        this.title = title;
        this.objective = objective;
    }

    /** Records a session's own frames, titled with its run name and objective. */
    public static RecordingListener attach(GanSession session, Recorder recorder, String title) {
        RecordingListener l = new RecordingListener(recorder, title,
                session.getConfig().getString(ConfigSchema.OBJECTIVE_KIND));
        l.totalSteps = session.getConfig().getInt(ConfigSchema.STEPS);
        session.addListener(l);
        return l;
    }

    @Override
    public void onStarted(Path runDir, String device, String data, long step, long steps) {
        totalSteps = steps;
    }

    @Override
    public boolean wantsFrame(long step) {
        return recorder.isOpen() && pacing.isDue(step);
    }

    @Override
    public void onMetrics(StepMetrics metrics) {
        latest = metrics;
    }

    @Override
    public void onFrame(Frame frame) {
        long step = frame.step();
        // The last step is always recorded, so the video ends where the run did.
        if (step <= lastStep || !(pacing.isDue(step) || step >= totalSteps)) {
            return;
        }
        lastStep = step;
        recorder.offer(VideoFrame.of(frame, Caption.of(title, objective, step, totalSteps, latest)));
    }

    /** Where to say that the held-back frames are being encoded (the recorder does that after training). */
    public RecordingListener setNotice(Consumer<String> lines) {
        this.notice = lines;
        return this;
    }

    @Override
    public void onFinished(String status, String reason) {
        int waiting = recorder.backlog();
        if (waiting > 0) {
            notice.accept("video: encoding " + waiting + " frames\u2026");
        }
        result = recorder.close();
    }

    public Recorder getRecorder() {
        return recorder;
    }

    /** Stops recording now (the run goes on) and finalizes the file. */
    public RecordingResult stop() {
        result = recorder.close();
        return result;
    }

    /** The finished recording, or null while it is still going. */
    public RecordingResult getResult() {
        return result;
    }
}
