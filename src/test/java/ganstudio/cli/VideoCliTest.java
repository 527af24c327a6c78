package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ganstudio.config.RunConfig;
import ganstudio.media.Frame;
import ganstudio.metrics.StepMetrics;
import ganstudio.runs.RunDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `video` and `train --record` as a user types them. */
class VideoCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A run directory with frames at the given steps (40×30 grids) and a metrics row every 10 steps. */
    private static Path fakeRun(Path root, String name, long... frameSteps) {
        RunConfig c = RunConfig.defaults().withValue("name", name).withValue("steps", 100)
                .withValue("objective.kind", "wgan-gp");
        try (RunDirectory run = RunDirectory.create(root, c, new JsonObject())) {
            for (long s = 0; s <= 100; s += 10) {
                run.appendMetrics(new StepMetrics(s, 5 * s, -0.5, 0.25, 0.5, 0, 0, 0, 0, 0, 0, 1e-4, 1e-4, 0, s));
            }
            for (long s : frameSteps) {
                int[] px = new int[40 * 30];
                java.util.Arrays.fill(px, 0xFF000000 | (int) (s * 2));
                run.writeFrame(Frame.image(s, 40, 30, px));
            }
            return run.getPath();
        }
    }

    private static DemuxerTrackMeta mp4(Path file) throws Exception {
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            return MP4Demuxer.createMP4Demuxer(ch).getVideoTracks().get(0).getMeta();
        }
    }

    @Test
    void videoOfARunsSavedFrames(@TempDir Path root) throws Exception {
        Path dir = fakeRun(root, "toy", 0, 20, 40, 60, 80, 100);
        Path file = root.resolve("toy.mp4");
        assertEquals(0, run("video", dir.toString(), "--out", file.toString(), "--fps", "4"), stderr());
        DemuxerTrackMeta meta = mp4(file);
        assertEquals(6, meta.getTotalFrames());
        assertEquals(1.5, meta.getTotalDuration(), 1e-9);
        // 40×30 grows ×4 (the most) to 160×120; the caption strip adds 3 × the 10-pixel font.
        assertEquals(160, meta.getVideoCodecMeta().getSize().getWidth());
        assertEquals(150, meta.getVideoCodecMeta().getSize().getHeight());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("6 frames, 1.5 s at 4 fps"), out.toString());
    }

    @Test
    void videoEveryThinsAndSideBySideTakesTheUnionOfSteps(@TempDir Path root) throws Exception {
        Path a = fakeRun(root, "a", 0, 20, 40, 60, 80, 100);
        Path b = fakeRun(root, "b", 0, 50, 100);
        Path gif = root.resolve("pair.gif");
        assertEquals(0, run("video", a.toString(), "--side-by-side", b.toString(), "--out", gif.toString(),
                "--video-every", "40", "--fps", "5", "--video-size", "320x200"), stderr());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            // Steps 0 20 40 50 60 80 100 thinned to one per 40: 0, 40, 80.
            assertEquals(3, reader.getNumImages(true));
            assertEquals(320, reader.getWidth(0));
            assertEquals(200, reader.getHeight(0));
            for (int i = 0; i < 3; i++) {
                IIOMetadataNode gce = (IIOMetadataNode) ((IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0")).getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("20", gce.getAttribute("delayTime"));
            }
        }
    }

    @Test
    void badVideoInputExitsWithCodeTwo(@TempDir Path root) throws Exception {
        Path empty = fakeRun(root, "empty");
        assertEquals(2, run("video", empty.toString(), "--out", root.resolve("e.mp4").toString()));
        assertTrue(stderr().contains("has no saved frames"), stderr());
        Path dir = fakeRun(root, "ok", 0, 10);
        err.reset();
        assertEquals(2, run("video", dir.toString(), "--out", root.resolve("v.avi").toString()));
        assertTrue(stderr().contains("must end in .mp4 (H.264) or .gif"), stderr());
        err.reset();
        assertEquals(2, run("video", dir.toString(), "--out", root.resolve("missing/v.mp4").toString()));
        assertTrue(stderr().contains("does not exist"), stderr());
        err.reset();
        assertEquals(2, run("video", root.resolve("nope").toString()));
        assertTrue(stderr().contains("no such run directory"), stderr());
        err.reset();
        assertEquals(2, run("video", dir.toString(), "--fps", "0"));
        assertTrue(stderr().contains("--fps 0"), stderr());
        err.reset();
        assertEquals(2, run("train", "--preset", "ring8-wgan", "--fps", "5", "--out", root.toString()));
        assertTrue(stderr().contains("go with --record"), stderr());
        err.reset();
        assertEquals(2, run("train", "--preset", "ring8-wgan", "--record", root.resolve("x.mov").toString()));
        assertFalse(stderr().contains("Exception"), stderr());
        assertFalse(Files.exists(root.resolve("x.mov")));
    }

    @Test
    void trainRecordsAPlayableVideoOfTheRun(@TempDir Path root) throws Exception {
        Path file = root.resolve("ring8.mp4");
        int code = run("train", "--preset", "ring8-wgan", "--steps", "20", "--out", root.resolve("runs").toString(),
                "--set", "model.gWidth=16", "--set", "model.dWidth=16", "--set", "eval.samples=100",
                "--set", "log.heatmap=16", "--record", file.toString(), "--video-size", "160x200");
        assertEquals(0, code, stderr());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("video: " + file + ": "), said);
        // sqrt pacing over 0..20: steps 0 1 2 4 6 8 11 15 19, and the last step: 10 frames, each made or dropped.
        DemuxerTrackMeta meta = mp4(file);
        int dropped = Integer.parseInt(said.replaceAll("(?s).*, (\\d+) dropped.*", "$1"));
        assertEquals(10, meta.getTotalFrames() + dropped, said);
        assertEquals(1.0, meta.getTotalDuration(), 1e-9); // 10 slots at 10 fps, dropped ones included
        assertEquals(160, meta.getVideoCodecMeta().getSize().getWidth());
        assertEquals(200, meta.getVideoCodecMeta().getSize().getHeight());
        List<Path> runs = RunDirectory.list(root.resolve("runs"));
        assertEquals(1, runs.size());
        // Frames asked for by the video do not land in samples/: only step 0 and the last step (frameEvery 100).
        assertEquals(List.of(0L, 20L), RunDirectory.open(runs.get(0)).frameSteps());
    }
}
