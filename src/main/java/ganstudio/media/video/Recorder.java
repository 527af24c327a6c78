package ganstudio.media.video;

import ganstudio.config.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records frames into a video on its own daemon thread, behind a small bounded queue, so the producer (the
 * training thread, or the FX thread for dashboard snapshots) never waits for the encoder. When the queue is
 * full the new frame is dropped and counted; the next frame that gets in covers the dropped frames' time
 * (the video keeps its pacing) and the overlay says how many were dropped.
 *
 * <p>{@link #close()} drains the queue and finalizes the file. It runs when the run finishes, stops or fails,
 * and from a JVM shutdown hook as a backstop (Ctrl-C, closing the studio), so the file is playable up to the
 * last frame encoded. Only a hard kill (SIGKILL, power loss) leaves an MP4 without its index.
 */
public final class Recorder {

    public static final int DEFAULT_QUEUE = 4;
    private static final long CLOSE_TIMEOUT_MS = 60_000;
    private static final long EXIT_GRACE_MS = 20_000;

    private record Item(VideoFrame frame, int slots, int dropped) {}

    private static final Item END = new Item(null, 0, 0);

    private final Path file;
    private final VideoSettings settings;
    private final FrameSink sink;
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private final Thread shutdownHook;
    private volatile boolean closed;
    private volatile int written;
    private volatile int dropped;
    private volatile String error = "";
    private int pendingSlots;
    private RecordingResult result;
    private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);

    Recorder(Path file, VideoSettings settings, FrameSink sink, int capacity) {
        this.file = file;
        this.settings = settings;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        if (queue.offer(new Item(frame, 1 + pendingSlots, dropped))) {
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

    public int framesWritten() {
        return written;
    }

    public int dropped() {
        return dropped;
    }

    private void encodeLoop() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == END) {
                    return;
                }
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

    /**
     * Stops taking frames, encodes those queued, finalizes the file and returns what it holds. Safe to call
     * more than once and from any thread; blocks until the encoder is done (up to a minute).
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
                thread.join(CLOSE_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive() && error.isEmpty()) {
                error = "the encoder did not finish within " + CLOSE_TIMEOUT_MS / 1000 + " s";
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
