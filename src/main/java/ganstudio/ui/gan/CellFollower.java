package ganstudio.ui.gan;

import ganstudio.config.UserError;
import ganstudio.media.Frame;
import ganstudio.media.ImageGrid;
import ganstudio.runs.RunDirectory;
import ganstudio.ui.common.PixelImagePane;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;

/**
 * "Click a cell to follow that z": keeps the followed cell of the sample grid, its outline on the picture and the
 * follow panel in step with the frames. The saved frames are read from the run directory in the background (a
 * live run's too, so a cell picked late still shows its whole history); a live run's new frames are added as
 * they arrive. Runs on the FX thread, except the reading.
 */
final class CellFollower {

    private static final int LOAD_BATCH = 32;
    /** Widest filmstrip in picture pixels: wider pictures may exceed what the graphics card draws. */
    private static final int MAX_STRIP_PIXELS = 8000;

    private final PixelImagePane image;
    private final FollowPanel panel = new FollowPanel(this::stop);
    private FollowedCell followed;
    private boolean live;
    private long shownStep;
    private volatile int generation;

    CellFollower(PixelImagePane image) {
        this.image = image;
    }

    FollowPanel panel() {
        return panel;
    }

    boolean isFollowing() {
        return followed != null;
    }

    /**
     * A click on cell index: follow it, or stop when it is the one followed.
     *
     * @param runDir where the run's saved frames are (null before a live run has one)
     * @param liveFrame the live grid on screen, or null for an opened run
     * @param step the step of the opened run's frame on screen (ignored live)
     */
    void click(int index, ImageGrid.Layout layout, Path runDir, Frame liveFrame, long step) {
        if (followed != null && followed.index() == index) {
            stop();
        } else {
            start(index, layout, runDir, liveFrame, step);
        }
    }

    void start(int index, ImageGrid.Layout layout, Path runDir, Frame liveFrame, long step) {
        followed = new FollowedCell(index, layout);
        live = liveFrame != null;
        shownStep = step;
        int gen = ++generation;
        if (live) {
            followed.add(liveFrame);
            shownStep = liveFrame.step();
        }
        image.setOutline(new int[] {layout.x(index), layout.y(index), layout.size(), layout.size()});
        refresh();
        if (runDir != null) {
            loadSaved(runDir, followed, gen);
        }
    }

    void stop() {
        generation++;
        followed = null;
        image.setOutline(null);
        panel.hide();
    }

    /** A new frame of the live run: its cell joins the filmstrip and is shown enlarged. */
    void onLiveFrame(Frame frame) {
        if (followed != null && live) {
            followed.add(frame);
            shownStep = frame.step();
            refresh();
        }
    }

    /** The opened run's timeline moved: enlarge the cell of the frame now on screen. */
    void showStep(long step) {
        if (followed != null && !live) {
            shownStep = step;
            refresh();
        }
    }

    private void loadSaved(Path runDir, FollowedCell target, int gen) {
        // Not Background.run: the cells come to the FX thread in batches while the frames are read, and a newer
        // follow (gen) ends the reading early.
        Thread t = new Thread(() -> {
            try {
                RunDirectory run = RunDirectory.open(runDir);
                List<Long> steps = run.frameSteps();
                Map<Long, int[]> batch = new HashMap<>();
                for (int i = 0; i < steps.size() && gen == generation; i++) {
                    int[] cell = target.cellOf(run.readFrame(steps.get(i)));
                    if (cell != null) {
                        batch.put(steps.get(i), cell);
                    }
                    if (batch.size() == LOAD_BATCH || i == steps.size() - 1) {
                        Map<Long, int[]> done = batch;
                        batch = new HashMap<>();
                        Platform.runLater(() -> {
                            if (gen == generation) {
                                target.addAll(done);
                                refresh();
                            }
                        });
                    }
                }
            } catch (UserError e) {
                // A frame being replaced or a run removed: the cells read so far stay.
            }
        }, "follow-cell");
        t.setDaemon(true);
        t.start();
    }

    private void refresh() {
        if (followed == null) {
            return;
        }
        int size = followed.layout().size();
        List<Long> steps = followed.stripSteps(Math.max(2, MAX_STRIP_PIXELS / (size + 2)));
        String frames = followed.frames() == 1 ? "1 frame" : followed.frames() + " frames";
        String shown = steps.size() < followed.frames()
                ? steps.size() + " of " + frames + ", evenly spaced" : frames;
        panel.show(followed.index(), followed.at(shownStep), size, followed.frames() == 0 ? null : followed.strip(steps),
                "step " + shownStep + " · " + shown, steps);
    }
}
