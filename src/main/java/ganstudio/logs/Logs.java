package ganstudio.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the logs go beyond the console (which gets warnings only, see logback.xml): a session log per process
 * (everything at INFO and the traces of unexpected errors; the studio's Help menu opens it) and a run.log in each
 * run's folder with what was logged on the run's training thread (DJL's messages included).
 */
public final class Logs {

    /** The run log's name in a run folder. */
    public static final String RUN_LOG = "run.log";
    /** Overrides the session logs' folder (tests, a cluster's scratch disk). */
    public static final String DIR_PROPERTY = "ganstudio.logDir";
    /** Session logs kept; older ones are deleted when a session starts. */
    static final int KEEP = 30;
    static final String MDC_RUN = "ganstudio.run";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0}: %msg%n";

    private static Path sessionLog;

    private Logs() {}

    /**
     * Starts this process's session log, once; returns its path, or empty when the folder cannot be written (the
     * program then runs without one and says so on the console).
     */
    public static synchronized Optional<Path> startSession() {
        if (sessionLog != null) {
            return Optional.of(sessionLog);
        }
        Path dir = sessionDir();
        try {
            Files.createDirectories(dir);
            prune(dir, KEEP - 1);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = dir.resolve("session-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
            root().addAppender(fileAppender("session", file, null));
            sessionLog = file;
            LoggerFactory.getLogger(Logs.class).info("session started: java {}, {} {}",
                    System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Logs.class).warn("no session log in {} ({}); set -D{}=DIR", dir, e.getMessage(),
                    DIR_PROPERTY);
            return Optional.empty();
        }
    }

    /** Drops a logger's lines below ERROR, on the console and in the logs. */
    public static void quiet(String logger) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    /** This process's session log, when {@link #startSession} made one. */
    public static synchronized Optional<Path> sessionLog() {
        return Optional.ofNullable(sessionLog);
    }

    /** $XDG_STATE_HOME/ganstudio/logs (~/.local/state/ganstudio/logs), or -Dganstudio.logDir. */
    static Path sessionDir() {
        String set = System.getProperty(DIR_PROPERTY);
        if (set != null && !set.isBlank()) {
            return Paths.get(set);
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Paths.get(state)
                : Paths.get(System.getProperty("user.home"), ".local", "state");
        return base.resolve("ganstudio").resolve("logs");
    }

    /**
     * Sends what the calling thread logs, until close, also to run.log in the run's folder (appended to, so a
     * resumed run's log goes on). Call it on the run's training thread.
     */
    public static RunLog forRun(Path runDir) {
        String key = runDir.toAbsolutePath().normalize().toString();
        Filter<ILoggingEvent> onlyThisRun = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return key.equals(event.getMDCPropertyMap().get(MDC_RUN)) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        };
        FileAppender<ILoggingEvent> appender = fileAppender("run " + key, runDir.resolve(RUN_LOG), onlyThisRun);
        root().addAppender(appender);
        MDC.put(MDC_RUN, key);
        return new RunLog(appender);
    }

    /** A run's log while it is attached; closing detaches it from the thread and closes the file. */
    public static final class RunLog implements AutoCloseable {

        private final FileAppender<ILoggingEvent> appender;

        private RunLog(FileAppender<ILoggingEvent> appender) {
            this.appender = appender;
        }

        @Override
        public void close() {
            MDC.remove(MDC_RUN);
            root().detachAppender(appender);
            appender.stop();
        }
    }

    private static FileAppender<ILoggingEvent> fileAppender(String name, Path file, Filter<ILoggingEvent> filter) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        if (filter != null) {
            filter.start();
            appender.addFilter(filter);
        }
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("cannot write " + file);
        }
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Deletes all but the newest {@code keep} session logs. */
    static void prune(Path dir, int keep) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(p -> p.getFileName().toString().matches("session-.*\\.log"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : logs.subList(Math.min(keep, logs.size()), logs.size())) {
            Files.deleteIfExists(old);
        }
    }
}
