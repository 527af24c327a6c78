package ganstudio.sweep;

import ganstudio.config.UserError;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's own commands (sbatch, squeue, scontrol) as processes: Slurm has no Java API, and its commands are
 * what a user's login node has. A command that is missing, hangs or cannot reach the controller is a
 * {@link UserError} naming the command and the fix.
 */
public final class SlurmClient {

    /** What a command printed and how it exited. */
    public record Result(int code, String out, String err) {

        /** The first line of stderr (or stdout), for a one-line message. */
        public String firstErrorLine() {
            String text = err.isBlank() ? out : err;
            return text.strip().lines().findFirst().orElse("exit code " + code);
        }
    }

    private final Path binDir;
    private final Path conf;
    private final long timeoutSeconds;

    private SlurmClient(Builder b) {
        this.binDir = b.binDir;
        this.conf = b.conf;
        this.timeoutSeconds = b.timeoutSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Slurm's commands from PATH, the cluster from SLURM_CONF or the system's slurm.conf: what a user's shell has. */
    public static SlurmClient fromEnvironment() {
        return builder().build();
    }

    /** The command's path, if it is installed (in the bin folder given, else on PATH). */
    public Optional<Path> locate(String command) {
        if (binDir != null) {
            Path p = binDir.resolve(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Paths.get(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a Slurm command to its end.
     *
     * @throws UserError when the command is not installed, cannot start or does not end within the timeout
     */
    public Result run(String command, List<String> args) {
        Path exe = locate(command).orElseThrow(() -> new UserError(command + " not found " + (binDir != null
                ? "in " + binDir : "on PATH") + "; run this where Slurm's commands are (a login node, or after "
                + "`module load slurm`), or use --executor local"));
        String confText = conf != null ? conf.toString() : System.getenv("SLURM_CONF");
        if (confText != null && !Files.isRegularFile(Paths.get(confText))) {
            // Slurm's commands would spend a minute looking for a config server before they fail
            throw new UserError("SLURM_CONF=" + confText + " names no file; point it at the cluster's slurm.conf "
                    + "or unset it");
        }
        List<String> line = new ArrayList<>();
        line.add(exe.toString());
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line);
        if (conf != null) {
            pb.environment().put("SLURM_CONF", conf.toString());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError(exe + ": cannot start (" + e.getMessage() + ")");
        }
        try {
            p.getOutputStream().close(); // Slurm's commands read nothing; a closed stdin keeps one from waiting
        } catch (IOException e) {
            // the process already ended: its exit code says the rest
        }
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(command + " did not answer within " + timeoutSeconds + " s; is the Slurm "
                        + "controller up (`scontrol ping`)?");
            }
            return new Result(p.exitValue(), out.text(), err.text());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError(command + ": interrupted");
        }
    }

    /** Reads a stream on its own thread: squeue over a large array prints more than a pipe holds. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "slurm-output");
            thread.setDaemon(true);
            thread.start();
        }

        String text() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    public static final class Builder {
        private Path binDir;
        private Path conf;
        private long timeoutSeconds = 120;

        /** The folder that holds sbatch, squeue and scontrol, when they are not on PATH (e.g. /opt/slurm/bin). */
        public Builder optBinDir(Path binDir) {
            this.binDir = binDir;
            return this;
        }

        /** The cluster's slurm.conf, as SLURM_CONF for the commands (a cluster other than the system's). */
        public Builder optConf(Path conf) {
            this.conf = conf;
            return this;
        }

        /**
         * How long a command may take. sbatch retries an unreachable controller for about a minute before it
         * gives up with its own message, which is the better one, so the default leaves it that time.
         */
        public Builder optTimeoutSeconds(long seconds) {
            if (seconds < 1) {
                throw new IllegalArgumentException("timeout " + seconds + " s");
            }
            this.timeoutSeconds = seconds;
            return this;
        }

        public SlurmClient build() {
            return new SlurmClient(this);
        }
    }
}
