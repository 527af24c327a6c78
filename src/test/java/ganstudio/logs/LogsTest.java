package ganstudio.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

class LogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("djl.like.Library");

    @TempDir
    Path tmp;

    @Test
    void aRunLogHoldsWhatItsThreadLogsWhileAttached() throws Exception {
        LOG.info("before");
        Thread other;
        try (Logs.RunLog ignored = Logs.forRun(tmp)) {
            LOG.info("during, at INFO");
            LOG.debug("below INFO");
            other = new Thread(() -> LOG.warn("another run's thread"));
            other.start();
            other.join();
        }
        LOG.info("after");
        List<String> lines = messages(tmp.resolve(Logs.RUN_LOG));
        assertEquals(List.of("INFO  [main] Library: during, at INFO"), lines.stream()
                .map(l -> l.substring(24)).collect(Collectors.toList()));
    }

    @Test
    void aResumedRunAppendsToItsLog() throws Exception {
        try (Logs.RunLog ignored = Logs.forRun(tmp)) {
            LOG.info("first");
        }
        try (Logs.RunLog ignored = Logs.forRun(tmp)) {
            LOG.warn("second");
        }
        List<String> lines = messages(tmp.resolve(Logs.RUN_LOG));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).endsWith("Library: first") && lines.get(1).endsWith("Library: second"),
                lines.toString());
    }

    @Test
    void pruneKeepsTheNewestSessionLogs() throws IOException {
        for (String name : List.of("session-20261201-100000-1.log", "session-20261203-100000-7.log",
                "session-20261202-100000-3.log", "notes.txt")) {
            Files.writeString(tmp.resolve(name), "x");
        }
        Logs.prune(tmp, 1);
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("notes.txt", "session-20261203-100000-7.log"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void theSessionFolderFollowsItsProperty() {
        String before = System.getProperty(Logs.DIR_PROPERTY);
        System.setProperty(Logs.DIR_PROPERTY, tmp.toString());
        try {
            assertEquals(tmp, Logs.sessionDir());
        } finally {
            if (before == null) {
                System.clearProperty(Logs.DIR_PROPERTY);
            } else {
                System.setProperty(Logs.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void theConsoleLeavesOutOurOwnLines() {
        NotOurs filter = new NotOurs();
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        ch.qos.logback.classic.spi.LoggingEvent ours = new ch.qos.logback.classic.spi.LoggingEvent("x",
                context.getLogger("ganstudio.train.Session"), ch.qos.logback.classic.Level.WARN, "m", null, null);
        ch.qos.logback.classic.spi.LoggingEvent djl = new ch.qos.logback.classic.spi.LoggingEvent("x",
                context.getLogger("ai.djl.pytorch.jni.LibUtils"), ch.qos.logback.classic.Level.WARN, "m", null, null);
        assertEquals(ch.qos.logback.core.spi.FilterReply.DENY, filter.decide(ours));
        assertEquals(ch.qos.logback.core.spi.FilterReply.NEUTRAL, filter.decide(djl));
    }

    private static List<String> messages(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
