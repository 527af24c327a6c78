package ganstudio.ui;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X display for a UI test on a machine without one. Xvfb picks a free display number itself
 * (-displayfd), so parallel builds never collide, and says it once it accepts connections.
 */
final class XvfbDisplay implements AutoCloseable {

    private final Process process;
    private final String name;

    private XvfbDisplay(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** The Xvfb program on the PATH, if installed. */
    static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Paths.get(dir, "Xvfb");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts Xvfb with a screen as large as the studio's default window; its own messages go to log. */
    static XvfbDisplay start(Path binary, Path log) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", "1400x900x24",
                "-nolisten", "tcp").redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number;
        try {
            number = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            number = null;
        }
        if (number == null || !number.strip().matches("\\d+")) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not start (its messages: " + log + ")");
        }
        return new XvfbDisplay(p, ":" + number.strip());
    }

    /** The value for DISPLAY, e.g. ":1". */
    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
