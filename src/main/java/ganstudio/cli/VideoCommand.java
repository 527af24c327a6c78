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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * `video RUN_DIR --out FILE.mp4|.gif [--fps N] [--video-every N|sqrt] [--video-size WxH]
 * [--side-by-side OTHER_RUN_DIR]`: a video made afterwards from a run's saved frames (samples/step-*.png),
 * captioned from its metrics.csv. Every saved frame is used unless --video-every thins them out.
 */
final class VideoCommand {

    private final PrintStream out;

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

    int run(List<String> args) {
        List<String> flags = new ArrayList<>(List.of("--out", "--side-by-side"));
        flags.addAll(VideoOptions.FLAGS);
        Options o = Options.parse(args, flags, List.of());
        if (o.positional().size() != 1) {
            throw new UserError("video needs one run directory, e.g. video runs/ring8-wgan-20260101-120000 --out ring8.mp4");
        }
        Path dir = Paths.get(o.positional().get(0));
        Path file = o.has("--out") ? Paths.get(o.get("--out")) : dir.resolve("video.mp4");
        // Every saved frame by default: they are already thinned by log.frameEvery.
        VideoSettings settings = VideoOptions.parse(o, FramePacing.every(1));
        Source a = new Source(dir);
        Source b = o.has("--side-by-side") ? new Source(Paths.get(o.get("--side-by-side"))) : null;
        Recorder.checkWritable(file);
        List<Long> steps = settings.pacing().select(b == null ? a.steps : union(a.steps, b.steps));
        FrameEncoder encoder = new FrameEncoder(file, settings);
        try {
            for (long step : steps) {
                VideoFrame frame = b == null ? a.frame(step) : SideBySide.compose(frameOrNull(a, step),
                        frameOrNull(b, step));
                encoder.accept(frame);
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the video (" + e.getMessage() + ")");
        } finally {
            try {
                encoder.close();
            } catch (IOException e) {
                throw new UserError(file + ": cannot finish the video (" + e.getMessage() + ")");
            }
        }
        RecordingResult r = new RecordingResult(file, encoder.frames(), 0, encoder.slots(), settings.fps(),
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
