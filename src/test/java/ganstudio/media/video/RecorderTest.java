package ganstudio.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.config.UserError;
import ganstudio.media.Frame;
import ganstudio.media.PlaneRenderer;

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
    private static class SlowSink implements FrameSink {
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
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 100, 2 * oneFrame, 0);
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
    void aTwoDimensionalFrameWaitsAsItsDataAndTheEncoderDrawsIt(@TempDir Path dir) throws Exception {
        SlowSink sink = new SlowSink();
        // A 512-pixel view of a 64² heatmap with 512 points: 1 MB of pixels once drawn, 20,480 bytes of data.
        ganstudio.media.Frame drawn = ganstudio.media.PlaneRenderer.render(0, new float[1024], new float[64 * 64],
                64, 1.0, new double[0], 512);
        drawn.argb(); // the writer thread drew it for samples/ first: the queue must not keep those pixels
        VideoFrame v = VideoFrame.of(drawn, Caption.stepOnly("t", 0, 10));
        assertEquals(4L * (1024 + 4096), v.queuedBytes());
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 100, 10 * v.queuedBytes(),
                0);
        assertTrue(r.offer(v));
        assertTrue(sink.entered.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            assertTrue(r.offer(VideoFrame.of(drawn, Caption.stepOnly("t", i, 10))), "frame " + i);
        }
        assertFalse(r.offer(VideoFrame.of(drawn, Caption.stepOnly("t", 11, 10))), "the eleventh passes the budget");
        assertEquals(262_144, v.argb().length);
        assertTrue(java.util.Arrays.equals(drawn.argb(), v.argb()), "the encoder draws the same picture");
        sink.release.countDown();
        assertEquals(11, r.close().frames());
    }

    @Test
    void whatIsStillQueuedAtCloseIsEncodedAtNormalPriority(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(BackgroundPriority.currentThreadId() > 0,
                "needs Linux /proc/thread-self: skipped here");
        org.junit.jupiter.api.Assumptions.assumeTrue(BackgroundPriority.currentPolicy() == 0,
                "the tests do not run at the normal policy");
        List<String> policies = Collections.synchronizedList(new ArrayList<>());
        SlowSink sink = new SlowSink() {
            @Override
            public void accept(VideoFrame f, int s, int dropped) throws IOException {
                policies.add(f.step() + ":" + BackgroundPriority.currentPolicy());
                super.accept(f, s, dropped);
            }
        };
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 100, 1 << 20, 0);
        assertTrue(r.offer(frame(0)));
        assertTrue(sink.entered.await(5, TimeUnit.SECONDS));
        assertTrue(r.offer(frame(1)));
        assertTrue(r.offer(frame(2)));
        var closed = new java.util.concurrent.atomic.AtomicReference<RecordingResult>();
        Thread closer = new Thread(() -> closed.set(r.close()));
        closer.start();
        while (closer.getState() != Thread.State.TIMED_WAITING) { // close() waits for the idle encoder's frame
            Thread.sleep(5);
        }
        sink.release.countDown();
        closer.join(10_000);
        assertEquals(3, closed.get().frames());
        // Frame 0 was on the idle encoder; 1 and 2 waited for close(), which hands them to a normal thread.
        assertEquals(List.of("0:" + BackgroundPriority.SCHED_IDLE, "1:0", "2:0"), policies);
        assertTrue(sink.closed);
    }

    @Test
    void framesAreHeldBackUntilMoreThanTheHoldWaitThenEncodedDownToHalfOfIt(@TempDir Path dir) throws Exception {
        List<Long> encoded = Collections.synchronizedList(new ArrayList<>());
        SlowSink sink = new SlowSink() {
            @Override
            public void accept(VideoFrame f, int s, int dropped) {
                encoded.add(f.step());
                got.add("step " + f.step());
            }
        };
        Recorder r = new Recorder(dir.resolve("x.mp4"), VideoSettings.defaults(), sink, 100, 1 << 20, 4);
        for (int i = 0; i < 4; i++) {
            assertTrue(r.offer(frame(i)));
        }
        Thread.sleep(600); // three turns of the encoder's 200 ms look
        assertEquals(List.of(), encoded, "4 frames do not pass a hold of 4");
        assertTrue(r.offer(frame(4)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (r.backlog() > 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(600);
        assertEquals(List.of(0L, 1L, 2L), encoded, "the fifth starts a catch-up that stops at half the hold");
        assertEquals(2, r.backlog());
        assertEquals(5, r.framesTaken());
        assertEquals(5, r.close().frames());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), encoded);
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
