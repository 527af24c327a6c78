package ganstudio.runs;

import ganstudio.config.UserError;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single-writer lock of a run folder: {@value #FILE} holds the writer's pid, host, start time and purpose, and
 * the writer holds an OS lock on it ({@link FileChannel#tryLock()}) for as long as it writes. The OS drops that
 * lock when the process ends, however it ends, so a file with an owner but no OS lock is stale (its writer was
 * killed) and the next writer takes it over, saying so. The file is emptied, not deleted, when the writer is done:
 * deleting it would let a process that had opened it just before lock a file no longer in the folder while a third
 * creates and locks a new one.
 *
 * <p>POSIX locks belong to the process, and closing <em>any</em> descriptor of the file releases them all. So
 * within this JVM the file is opened only here, under this class's monitor, and never while this JVM holds it:
 * the locks this JVM holds are kept in a table and a second writer in the same JVM (two studio sessions, a test)
 * is refused from that table.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = "train.lock";

    /** Who holds (or held) a run's lock. */
    record Owner(long pid, String host, String since, String purpose, boolean ended) {

        static Owner current(String purpose) {
            return new Owner(ProcessHandle.current().pid(), thisHost(),
                    OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), purpose, false);
        }

        String toText() {
            return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\npurpose=" + purpose + "\n"
                    + (ended ? "ended=true\n" : "");
        }

        /** The owner a lock file names; empty for an empty file (no writer) or one that is not ours. */
        static Optional<Owner> parse(String text) {
            Map<String, String> kv = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            try {
                return Optional.of(new Owner(Long.parseLong(kv.get("pid")), kv.getOrDefault("host", "?"),
                        kv.getOrDefault("since", "?"), kv.getOrDefault("purpose", "train"),
                        "true".equals(kv.get("ended"))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** "being trained by pid 1234 on host h (since 2026-01-01T12:00+01:00)". */
        String describe() {
            String verb = "eval".equals(purpose) ? "being written by an eval, pid " : "being trained by pid ";
            return verb + pid + " on host " + host + " (since " + since + ")";
        }

        boolean onThisHost() {
            return host.equals(thisHost());
        }
    }

    /** The locks this JVM holds, by the lock file's real path. Guarded by RunLock.class. */
    private static final Map<Path, Owner> HELD = new HashMap<>();

    /** Channels that must stay open (closing them would drop a lock this JVM holds). Guarded by RunLock.class. */
    private static final List<FileChannel> KEPT_OPEN = new ArrayList<>();

    private static String host;

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock; // null where the file system has no locks: the pid check stands in
    private final Owner previous;
    private boolean closed;

    private RunLock(Path key, FileChannel channel, FileLock lock, Owner previous) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the lock of a run folder for purpose ("train", "eval").
     *
     * @throws RunDirectory.BeingWritten when another process, or another session of this JVM, holds it
     * @throws UserError when the lock file cannot be written
     */
    /** Tries after the first before a held lock counts as a writer's; a reader's probe lasts microseconds. */
    private static final int PROBE_RETRIES = 10;
    private static final long PROBE_WAIT_MS = 20;

    static synchronized RunLock acquire(Path dir, String purpose) {
        Path file = dir.resolve(FILE);
        Path key = key(dir);
        Owner inThisJvm = HELD.get(key);
        if (inThisJvm != null) {
            throw new RunDirectory.BeingWritten(dir, inThisJvm.describe() + " (this process)");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            boolean noLocks = false;
            try {
                lock = ch.tryLock();
                // A reader's check (writer(), polled by the studio and `sweep status`) holds the lock for a moment:
                // only a lock still held after a few tries belongs to a writer
                for (int i = 0; lock == null && i < PROBE_RETRIES; i++) {
                    Thread.sleep(PROBE_WAIT_MS);
                    lock = ch.tryLock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lock = null;
            } catch (OverlappingFileLockException e) {
                // Held through a path the table does not know (it should not happen): keep this channel open, as
                // closing it would drop the other holder's lock.
                KEPT_OPEN.add(ch);
                ch = null;
                throw new RunDirectory.BeingWritten(dir, "being written by another session of this process");
            } catch (IOException e) {
                lock = null; // a file system without locks (some network mounts)
                noLocks = true;
            }
            Optional<Owner> before = Owner.parse(read(ch));
            if (lock == null && !noLocks) {
                throw new RunDirectory.BeingWritten(dir, before.map(Owner::describe).orElse("being trained by another process"));
            }
            if (noLocks && before.isPresent() && !provablyGone(before.get())) {
                throw new RunDirectory.BeingWritten(dir, before.get().describe() + "; this file system has no locks: if that process "
                        + "is gone, delete " + file);
            }
            Owner me = Owner.current(purpose);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.toText().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            HELD.put(key, me);
            RunLock held = new RunLock(key, ch, lock, before.orElse(null));
            ch = null;
            return held;
        } catch (IOException e) {
            throw new UserError(file + ": cannot lock the run for writing (" + e.getMessage() + ")");
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // nothing was locked through it
                }
            }
        }
    }

    /** Who is writing the run now, if anyone (a check for readers; it takes nothing). */
    static synchronized Optional<Owner> writer(Path dir) {
        Owner inThisJvm = HELD.get(key(dir));
        if (inThisJvm != null) {
            return Optional.of(inThisJvm);
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (IOException e) {
                Optional<Owner> named = Owner.parse(read(ch));
                return named.filter(o -> !provablyGone(o));
            }
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            Optional<Owner> named = Owner.parse(read(ch));
            return Optional.of(named.orElse(new Owner(-1, "?", "?", "train", false)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    /**
     * The owner whose stale lock this one took over: it was killed or crashed while writing. Null when there was
     * none, or when it had written its run's end (a final summary) and only exited before releasing the lock, as a
     * process stopped by Ctrl-C may: its run is complete on disk.
     */
    Owner previous() {
        return previous == null || previous.ended() ? null : previous;
    }

    /**
     * Notes in the file that the run's end is on disk (its final summary): if the process exits before {@link
     * #close()}, the next writer takes the lock over without calling it stale.
     */
    void markEnded() {
        synchronized (RunLock.class) {
            Owner o = HELD.get(key);
            if (closed || o == null || o.ended()) {
                return;
            }
            Owner ended = new Owner(o.pid(), o.host(), o.since(), o.purpose(), true);
            try {
                byte[] text = ended.toText().getBytes(StandardCharsets.UTF_8);
                channel.write(ByteBuffer.wrap(text), 0);
                channel.truncate(text.length);
                channel.force(true);
                HELD.put(key, ended);
            } catch (IOException e) {
                // then a later writer calls the lock stale: a warning too many, not a second writer
            }
        }
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() {
        synchronized (RunLock.class) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.truncate(0);
                channel.force(true);
            } catch (IOException e) {
                // the OS lock below is what counts; a leftover owner reads as stale
            }
            try {
                if (lock != null) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
            HELD.remove(key);
        }
    }

    /** Whether a named owner is certainly not writing: on this host and its pid is not alive. */
    private static boolean provablyGone(Owner o) {
        return o.onThisHost() && o.pid() != ProcessHandle.current().pid()
                && ProcessHandle.of(o.pid()).map(h -> !h.isAlive()).orElse(true);
    }

    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // read it all
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static Path key(Path dir) {
        try {
            return dir.toRealPath().resolve(FILE);
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize().resolve(FILE);
        }
    }

    static synchronized String thisHost() {
        if (host == null) {
            String h = null;
            try {
                h = Files.readString(Paths.get("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            if (h == null || h.isEmpty()) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "localhost";
                }
            }
            host = h;
        }
        return host;
    }
}
