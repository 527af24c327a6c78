package ganstudio.cli;

import ganstudio.config.RunConfig;
import ganstudio.config.UserError;
import ganstudio.media.ImageFiles;
import ganstudio.media.video.Caption;
import ganstudio.media.video.FrameEncoder;
import ganstudio.media.video.FramePacing;
import ganstudio.media.video.Recorder;
import ganstudio.media.video.RecordingResult;
import ganstudio.media.video.SideBySide;
import ganstudio.media.video.VideoFrame;
import ganstudio.media.video.VideoSettings;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.config.ConfigSchema;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `video RUN_DIR --out FILE.mp4|.gif [--fps N] [--video-every N|sqrt] [--video-size WxH]
 * [--side-by-side OTHER_RUN_DIR]`: a video made afterwards from a run's saved frames (samples/step-*.png),
 * captioned from its metrics.csv. Every saved frame is used unless --video-every thins them out.
 */
@Command(name = "video", sortOptions = false, description = {"Make a video from a run's saved frames "
        + "(samples/step-*.png), captioned from its metrics; two runs side by side with --side-by-side."})
final class VideoCommand implements Callable<Integer> {

    private final PrintStream out;

    @Parameters(paramLabel = "RUN_DIR", description = "The run's folder.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE.mp4|FILE.gif", order = 1,
            description = "The video to write (default: RUN_DIR/video.mp4).")
    Path file;

    @Option(names = "--side-by-side", paramLabel = "OTHER_RUN_DIR", order = 2,
            description = "A second run shown at the right, step for step (default: one run).")
    Path other;

    @Mixin
    VideoOptions video = new VideoOptions();

    VideoCommand(PrintStream out) {
        this.out = out;
    }

    /** One run's frames and what the captions need. */
    private static final class Source {
        final RunDirectory run;
        final List<Long> steps;
        final List<StepMetrics> metrics;
        final String objective;
        final long totalSteps;

        Source(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new UserError(dir + ": no such run directory");
            }
            run = RunDirectory.open(dir);
            steps = run.frameSteps();
            if (steps.isEmpty()) {
                throw new UserError(dir + ": has no saved frames (" + RunDirectory.SAMPLES
                        + "/step-*.png); train with log.frameEvery set, or record while training with train --record");
            }
            metrics = run.readMetrics();
            RunConfig c = run.readConfig();
            objective = c.getString(ConfigSchema.OBJECTIVE_KIND);
            totalSteps = c.getInt(ConfigSchema.STEPS);
        }

        /** The newest saved frame at or before step, or null. */
        Long frameAtOrBefore(long step) {
            return RunDirectory.frameAtOrBefore(steps, step);
        }

        VideoFrame frame(long step) throws IOException {
            Path png = run.framePath(step);
            BufferedImage img = ImageFiles.readFrame(png);
            int w = img.getWidth();
            int h = img.getHeight();
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            StepMetrics latest = null;
            for (StepMetrics m : metrics) {
                if (m.step() <= step) {
                    latest = m;
                }
            }
            return new VideoFrame(step, w, h, argb,
                    List.of(Caption.of(run.getName(), objective, step, totalSteps, latest)));
        }
    }

    @Override
    public Integer call() {
        Path target = file != null ? file : dir.resolve("video.mp4");
        // Every saved frame by default: they are already thinned by log.frameEvery.
        VideoSettings settings = video.settings(FramePacing.every(1));
        Source a = new Source(dir);
        Source b = other != null ? new Source(other) : null;
        Recorder.checkWritable(target);
        List<Long> steps = settings.pacing().select(b == null ? a.steps : union(a.steps, b.steps));
        FrameEncoder encoder = new FrameEncoder(target, settings);
        try {
            for (long step : steps) {
                VideoFrame frame = b == null ? a.frame(step) : SideBySide.compose(frameOrNull(a, step),
                        frameOrNull(b, step));
                encoder.accept(frame);
            }
        } catch (IOException e) {
            throw new UserError(target + ": cannot write the video (" + e.getMessage() + ")");
        } finally {
            try {
                encoder.close();
            } catch (IOException e) {
                throw new UserError(target + ": cannot finish the video (" + e.getMessage() + ")");
            }
        }
        RecordingResult r = new RecordingResult(target, encoder.frames(), 0, encoder.slots(), settings.fps(),
                encoder.width(), encoder.height(), "");
        out.println("video: " + r.describe());
        return Cli.OK;
    }

    private static VideoFrame frameOrNull(Source s, long step) throws IOException {
        Long at = s.frameAtOrBefore(step);
        return at == null ? null : s.frame(at);
    }

    private static List<Long> union(List<Long> x, List<Long> y) {
        TreeSet<Long> all = new TreeSet<>(x);
        all.addAll(y);
        return new ArrayList<>(all);
    }
}
