package ganstudio.media.video;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records frames into a video on its own daemon thread, behind a bounded queue, so the producer (the training
 * thread, or the FX thread for dashboard snapshots) never waits for the encoder. Encoding is what training
 * must not pay for, so the encoder holds frames back while there are few ({@link #DEFAULT_HOLD}, or half the
 * queue's memory) and encodes them when the recording closes; past that it catches up in bursts, on a thread at
 * the OS's lowest priority ({@link BackgroundPriority}). The queue is bounded by memory (an eighth of the heap,
 * at most 256 MB). A 2D training frame waits there as its data and is drawn by the encoder: a backlog of drawn
 * frames survived every young GC, whose copying cost training more than the encoding did. When the queue is full
 * the new frame is dropped and counted; the next frame that gets in covers the dropped frames' time (the video
 * keeps its pacing) and the overlay says how many were dropped.
 *
 * <p>{@link #close()} encodes what waits, at normal priority since training is over, and finalizes the file. It
 * runs when the run finishes, stops or fails, and from a JVM shutdown hook as a backstop (Ctrl-C, closing the
 * studio), so the file holds every frame taken. Only a hard kill (SIGKILL, power loss) loses the video.
 */
public final class Recorder {

    public static final int DEFAULT_QUEUE = 4096;
    /**
     * Frames held back before the encoder starts during training: 256 frames (a 16,000-step run at the sqrt
     * pacing) are 5 MB of 2D data and about 10 s of encoding once training is over.
     */
    public static final int DEFAULT_HOLD = 256;
    private static final long MAX_QUEUED_BYTES = 256L << 20;
    /** close() gives up when the encoder has not finished a frame for this long (a backlog may take longer). */
    private static final long CLOSE_TIMEOUT_MS = 60_000;
    private static final long EXIT_GRACE_MS = 20_000;

    private record Item(VideoFrame frame, int slots, int dropped, long bytes) {}

    private final Path file;
    private final VideoSettings settings;
    private final FrameSink sink;
    private final BlockingQueue<Item> queue;
    private final long maxQueuedBytes;
    private final int holdFrames;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread thread;
    private final Thread shutdownHook;
    private volatile boolean closed;
    /** close() was called: the idle encoder stops after its current frame and hands over. */
    private volatile boolean finishing;
    private volatile int written;
    private volatile int taken;
    private volatile int dropped;
    private volatile String error = "";
    private volatile boolean background;
    private int pendingSlots;
    private RecordingResult result;
    private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);

    /** A recorder that encodes each frame as it comes (no holding back). */
    Recorder(Path file, VideoSettings settings, FrameSink sink, int capacity) {
        this(file, settings, sink, capacity, defaultQueuedBytes(), 0);
    }

    /**
     * A recorder whose queue holds at most {@code capacity} frames and {@code maxQueuedBytes} of pixels, and that
     * starts encoding during training only when more than {@code holdFrames} frames or half the bytes wait.
     */
    Recorder(Path file, VideoSettings settings, FrameSink sink, int capacity, long maxQueuedBytes, int holdFrames) {
        this.file = file;
        this.settings = settings;
        this.sink = sink;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.maxQueuedBytes = maxQueuedBytes;
        this.holdFrames = holdFrames;
        this.thread = new Thread(this::encodeLoop, "video-encoder " + file.getFileName());
        thread.setDaemon(true);
        // The encoder shares the CPU with training: let the scheduler prefer the training threads.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        this.shutdownHook = new Thread(this::closeAtExit, "video-finalize " + file.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Checks the file can be written (a UserError otherwise) and starts the encoder thread. */
    public static Recorder start(Path file, VideoSettings settings) {
        checkWritable(file);
        return new Recorder(file, settings, new FrameEncoder(file, settings), DEFAULT_QUEUE, defaultQueuedBytes(),
                DEFAULT_HOLD);
    }

    /** An eighth of the heap, at most 256 MB. */
    private static long defaultQueuedBytes() {
        return Math.min(MAX_QUEUED_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    /** The extension names a known format and the folder exists and is writable: a UserError otherwise. */
    public static void checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; give a file name ending in .mp4 or .gif");
        }
        VideoFormat.of(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserError(file + ": the folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new UserError(file + ": cannot write there (no permission)");
        }
    }

    public Path file() {
        return file;
    }

    public VideoSettings settings() {
        return settings;
    }

    /**
     * Hands a frame to the encoder without waiting. Returns false when it was dropped (queue full) or the
     * recording is closed. Called from one producer thread at a time.
     */
    public synchronized boolean offer(VideoFrame frame) {
        if (closed) {
            return false;
        }
        long bytes = frame.queuedBytes();
        if (queuedBytes.get() + bytes <= maxQueuedBytes
                && queue.offer(new Item(frame, 1 + pendingSlots, dropped, bytes))) {
            queuedBytes.addAndGet(bytes);
            taken++;
            pendingSlots = 0;
            return true;
        }
        dropped++;
        pendingSlots++;
        return false;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Frames accepted so far: encoded or waiting. */
    public int framesTaken() {
        return taken;
    }

    /** Frames waiting for the encoder. */
    public int backlog() {
        return queue.size();
    }

    /** Whether the encoder thread got the OS's lowest CPU priority (false off Linux: it then runs normally). */
    public boolean encodesInBackground() {
        return background;
    }

    public int framesWritten() {
        return written;
    }

    public int dropped() {
        return dropped;
    }

    /**
     * Once started, catching up goes on down to half the hold, so the encoder works in bursts rather than frame by
     * frame beside training.
     */
    private boolean tooMuchWaiting(int divisor) {
        return queue.size() > holdFrames / divisor || queuedBytes.get() > maxQueuedBytes / (2L * divisor);
    }

    /**
     * Encodes at idle priority until close() asks to finish; the finisher then takes the rest of the queue. Even at
     * the idle policy an encoder running beside training cost it about 5% (ring8-wgan): the two share caches and
     * the encoder's garbage adds young collections. So frames are held back, as long as there are few enough,
     * and encoded once training is over.
     */
    private void encodeLoop() {
        background = BackgroundPriority.lowerCurrentThread();
        boolean catchingUp = false;
        try {
            while (!finishing && error.isEmpty()) {
                catchingUp = holdFrames == 0 || tooMuchWaiting(catchingUp ? 2 : 1);
                if (!catchingUp) {
                    Thread.sleep(200);
                    continue;
                }
                Item item = queue.poll(200, TimeUnit.MILLISECONDS);
                if (item != null) {
                    encode(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Encodes what is still queued and finalizes the file, on a thread close() starts once the idle encoder has
     * stopped: Linux will not take a thread back out of the idle policy unprivileged, and training is over by
     * now, so the backlog gets a normal share of the CPU even when other work keeps the cores busy.
     */
    private void finishEncoding() {
        try {
            Item item;
            while (error.isEmpty() && (item = queue.poll()) != null) {
                encode(item);
            }
        } finally {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                if (error.isEmpty()) {
                    error = "cannot finish the file: " + e.getMessage();
                }
            }
        }
    }

    private void encode(Item item) {
        queuedBytes.addAndGet(-item.bytes());
        try {
            sink.accept(item.frame(), item.slots(), item.dropped());
            written = sink.frames();
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            closed = true;
            queue.clear();
        }
    }

    /**
     * At exit (Ctrl-C) the session usually ends the recording itself, with the frame of the step it stopped
     * at; give it time to, then finalize whatever is there.
     */
    private void closeAtExit() {
        try {
            closedLatch.await(EXIT_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Waits for an encoding thread to end, as long as it keeps finishing frames. */
    private void awaitProgress(Thread encoding) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int lastFrames = written;
        while (encoding.isAlive() && System.nanoTime() - lastProgress < CLOSE_TIMEOUT_MS * 1_000_000L) {
            encoding.join(200);
            int now = written;
            if (now != lastFrames) {
                lastFrames = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    /**
     * Stops taking frames, encodes those queued, finalizes the file and returns what it holds. Safe to call
     * more than once and from any thread; blocks until the encoder is done (giving up after a minute without
     * progress).
     */
    public RecordingResult close() {
        synchronized (this) {
            closed = true;
        }
        synchronized (thread) {
            if (result != null) {
                return result;
            }
            finishing = true;
            Thread finisher = thread;
            try {
                awaitProgress(thread); // the frame it is on, at idle priority
                if (!thread.isAlive()) {
                    finisher = new Thread(this::finishEncoding, "video-finish " + file.getFileName());
                    finisher.setDaemon(true);
                    finisher.start();
                    awaitProgress(finisher);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (finisher.isAlive() && error.isEmpty()) {
                error = "the encoder stopped making progress (no frame in " + CLOSE_TIMEOUT_MS / 1000 + " s)";
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: this may be the hook itself
            }
            written = sink.frames();
            result = new RecordingResult(file, sink.frames(), dropped, sink.slots(), settings.fps(), sink.width(),
                    sink.height(), error);
            closedLatch.countDown();
            return result;
        }
    }
}
