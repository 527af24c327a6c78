package ganstudio.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second process for {@link RunLockTest}: opens the run given as its argument for writing (and with a second
 * argument writes a summary with that status), prints "locked", and
 * holds the lock until its stdin closes (then releases it) or it is killed (then the lock is left stale).
 */
public final class LockHolder {

    private LockHolder() {}

    /**
     * Starts a holder of dir's lock in a second JVM (with a summary status: writes that summary first) and
     * returns once it holds the lock. Close its stdin to let it release the lock; destroyForcibly() is kill -9.
     */
    public static Process start(Path dir, String... summaryStatus) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", cp, LockHolder.class.getName(), dir.toString()));
        command.addAll(List.of(summaryStatus));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                return e.toString();
            }
        }).get(60, TimeUnit.SECONDS);
        if (!"locked".equals(first)) {
            p.destroyForcibly();
        }
        assertEquals("locked", first);
        return p;
    }

    public static void main(String[] args) throws IOException {
        try (RunDirectory run = RunDirectory.openForWriting(Paths.get(args[0]))) {
            if (args.length > 1) { // the run's end is on disk, as after Ctrl-C: a final summary
                com.google.gson.JsonObject summary = new com.google.gson.JsonObject();
                summary.addProperty("status", args[1]);
                run.writeSummary(summary);
            }
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until stdin closes
            }
        }
        System.out.println("released");
    }
}
