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
 * thread, or the FX thread for dashboard snapshots) never waits for the encoder. The encoder thread runs at the
 * OS's lowest priority ({@link BackgroundPriority}): it encodes on whatever CPU training leaves idle and catches
 * up when the run ends, so the queue is long and bounded by memory (an eighth of the heap, at most 256 MB)
 * rather than by a few frames. When it is full the new frame is dropped and counted; the next frame that gets
 * in covers the dropped frames' time (the video keeps its pacing) and the overlay says how many were dropped.
 *
 * <p>{@link #close()} drains the queue and finalizes the file. It runs when the run finishes, stops or fails,
 * and from a JVM shutdown hook as a backstop (Ctrl-C, closing the studio), so the file is playable up to the
 * last frame encoded. Only a hard kill (SIGKILL, power loss) leaves an MP4 without its index.
 */
public final class Recorder {

    public static final int DEFAULT_QUEUE = 4096;
    private static final long MAX_QUEUED_BYTES = 256L << 20;
    /** close() gives up when the encoder has not finished a frame for this long (a backlog may take longer). */
    private static final long CLOSE_TIMEOUT_MS = 60_000;
    private static final long EXIT_GRACE_MS = 20_000;

    private record Item(VideoFrame frame, int slots, int dropped) {}

    private static final Item END = new Item(null, 0, 0);

    private final Path file;
    private final VideoSettings settings;
    private final FrameSink sink;
    private final BlockingQueue<Item> queue;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread thread;
    private final Thread shutdownHook;
    private volatile boolean closed;
    private volatile int written;
    private volatile int dropped;
    private volatile String error = "";
    private volatile boolean background;
    private int pendingSlots;
    private RecordingResult result;
    private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);

    Recorder(Path file, VideoSettings settings, FrameSink sink, int capacity) {
        this(file, settings, sink, capacity, Math.min(MAX_QUEUED_BYTES, Runtime.getRuntime().maxMemory() / 8));
    }

    /** A recorder whose queue holds at most {@code capacity} frames and {@code maxQueuedBytes} of pixels. */
    Recorder(Path file, VideoSettings settings, FrameSink sink, int capacity, long maxQueuedBytes) {
        this.file = file;
        this.settings = settings;
        this.sink = sink;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.maxQueuedBytes = maxQueuedBytes;
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
        return new Recorder(file, settings, new FrameEncoder(file, settings), DEFAULT_QUEUE);
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
        long bytes = bytesOf(frame);
        if (queuedBytes.get() + bytes <= maxQueuedBytes && queue.offer(new Item(frame, 1 + pendingSlots, dropped))) {
            queuedBytes.addAndGet(bytes);
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

    /** Frames waiting for the encoder. */
    public int backlog() {
        return queue.size();
    }

    /** Whether the encoder thread got the OS's lowest CPU priority (false off Linux: it then runs normally). */
    public boolean encodesInBackground() {
        return background;
    }

    private static long bytesOf(VideoFrame frame) {
        return 4L * frame.argb().length;
    }

    public int framesWritten() {
        return written;
    }

    public int dropped() {
        return dropped;
    }

    private void encodeLoop() {
        background = BackgroundPriority.lowerCurrentThread();
        try {
            while (true) {
                Item item = queue.take();
                if (item == END) {
                    return;
                }
                queuedBytes.addAndGet(-bytesOf(item.frame()));
                try {
                    sink.accept(item.frame(), item.slots(), item.dropped());
                    written = sink.frames();
                } catch (IOException | RuntimeException e) {
                    error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    closed = true;
                    queue.clear();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** Waits for the encoder to drain the queue, as long as it keeps finishing frames. */
    private void awaitEncoder() throws InterruptedException {
        long lastProgress = System.nanoTime();
        int lastFrames = written;
        while (thread.isAlive() && System.nanoTime() - lastProgress < CLOSE_TIMEOUT_MS * 1_000_000L) {
            thread.join(200);
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
            try {
                while (thread.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the encoder is busy with a full queue; try again
                }
                awaitEncoder();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive() && error.isEmpty()) {
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
