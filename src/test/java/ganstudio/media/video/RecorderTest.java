package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    private static VideoFrame frame(long step) {
        int[] p = new int[16 * 12];
        java.util.Arrays.fill(p, 0xFF000000 | (int) (step * 40 % 256));
        return new VideoFrame(step, 16, 12, p, List.of(Caption.stepOnly("t", step, 100)));
    }

    /** A sink that blocks on its first frame until released, and remembers what it got. */
    private static final class SlowSink implements FrameSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> got = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;
        long slots;

        @Override
        public void accept(VideoFrame f, int s, int dropped) throws IOException {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            got.add("step " + f.step() + " slots " + s + " dropped " + dropped);
            slots += s;
        }

        @Override
        public int frames() {
            return got.size();
        }

        @Override
        public long slots() {
            return slots;
        }

        @Override
        public int width() {
            return 16;
        }

        @Override
        public int height() {
            return 12;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aFullQueueDropsAndCountsAndTheNextFrameCoversTheGap(@TempDir Path dir) throws Exception {
        SlowSink sink = new SlowSink();
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 2);
        assertTrue(r.offer(frame(0)));
        assertTrue(sink.entered.await(5, TimeUnit.SECONDS)); // the encoder holds frame 0
        assertTrue(r.offer(frame(1)));
        assertTrue(r.offer(frame(2)));
        assertFalse(r.offer(frame(3))); // queue of 2 is full
        assertFalse(r.offer(frame(4)));
        assertFalse(r.offer(frame(5)));
        assertEquals(3, r.dropped());
        sink.release.countDown();
        while (sink.frames() < 3) {
            Thread.sleep(5);
        }
        assertTrue(r.offer(frame(6)));
        RecordingResult result = r.close();
        assertEquals(List.of("step 0 slots 1 dropped 0", "step 1 slots 1 dropped 0", "step 2 slots 1 dropped 0",
                "step 6 slots 4 dropped 3"), sink.got);
        assertTrue(sink.closed);
        assertEquals(4, result.frames());
        assertEquals(3, result.dropped());
        assertEquals(7, result.slots()); // 7 steps' worth of frames: the pacing survives the drops
        assertFalse(r.offer(frame(7)), "closed recorders take nothing");
        assertEquals(3, r.dropped(), "and do not count it as dropped");
        assertEquals(result, r.close());
    }

    @Test
    void theQueueIsBoundedByThePixelsItHoldsAndTheEncoderRunsAtTheLowestPriority(@TempDir Path dir)
            throws Exception {
        SlowSink sink = new SlowSink();
        long oneFrame = 4L * 16 * 12; // ARGB ints
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 100, 2 * oneFrame);
        assertTrue(r.offer(frame(0)));
        assertTrue(sink.entered.await(5, TimeUnit.SECONDS)); // taken off the queue: its bytes are free again
        assertTrue(r.offer(frame(1)));
        assertTrue(r.offer(frame(2)));
        assertEquals(2, r.backlog());
        assertFalse(r.offer(frame(3)), "a third waiting frame would pass the byte budget, though 100 would fit");
        assertEquals(1, r.dropped());
        if (BackgroundPriority.currentThreadId() > 0) {
            assertTrue(r.encodesInBackground(), "Linux: the encoder thread runs at the idle policy");
        }
        sink.release.countDown();
        RecordingResult result = r.close();
        assertEquals(3, result.frames());
        assertEquals(List.of("step 0 slots 1 dropped 0", "step 1 slots 1 dropped 0", "step 2 slots 1 dropped 0"),
                sink.got);
    }

    @Test
    void closingFinalizesAPlayableMp4WithEverythingQueued(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec.mp4");
        VideoSettings settings = VideoSettings.defaults().withFps(5);
        Recorder r = new Recorder(file, settings, new FrameEncoder(file, settings), 8);
        for (int i = 0; i < 5; i++) {
            assertTrue(r.offer(frame(i)));
        }
        RecordingResult result = r.close();
        assertEquals("", result.error());
        assertEquals(5, result.frames());
        assertEquals(0, result.dropped());
        assertEquals(1.0, result.seconds(), 1e-9);
        try (FileChannelWrapper ch = NIOUtils.readableChannel(file.toFile())) {
            DemuxerTrackMeta meta = MP4Demuxer.createMP4Demuxer(ch).getVideoTracks().get(0).getMeta();
            assertEquals(5, meta.getTotalFrames());
            assertEquals(1.0, meta.getTotalDuration(), 1e-9);
            assertEquals(result.width(), meta.getVideoCodecMeta().getSize().getWidth());
            assertEquals(result.height(), meta.getVideoCodecMeta().getSize().getHeight());
        }
    }

    @Test
    void aRecordingWithoutFramesLeavesNoFile(@TempDir Path dir) {
        Path file = dir.resolve("none.gif");
        RecordingResult result = Recorder.start(file, VideoSettings.defaults()).close();
        assertEquals(0, result.frames());
        assertFalse(result.ok());
        assertFalse(Files.exists(file));
    }

    @Test
    void unwritablePlacesAreTheUsersToFix(@TempDir Path dir) {
        assertTrue(assertThrows(UserError.class, () -> Recorder.checkWritable(dir.resolve("no/such/dir/v.mp4")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(UserError.class, () -> Recorder.checkWritable(dir.resolve("v.webm")))
                .getMessage().contains(".mp4"));
        assertTrue(assertThrows(UserError.class, () -> Recorder.checkWritable(dir))
                .getMessage().contains("folder"));
    }
}
