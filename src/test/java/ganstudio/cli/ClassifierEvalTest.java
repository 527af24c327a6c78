package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ganstudio.config.RunConfig;
import ganstudio.metrics.ClassifierMetrics;
import ganstudio.runs.RunDirectory;
import ganstudio.train.classify.ClassifierListener;
import ganstudio.train.classify.ClassifierSession;
import ganstudio.train.classify.TinyIdx;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier stopped for an exit (Ctrl-C, the studio closing) skips its test evaluation instead of holding the
 * exit up, and says to run `eval`; `eval` of a classifier run then gives the test report training would have.
 */
class ClassifierEvalTest {

    @Test
    void aStopForExitSkipsTheTestAndEvalGivesIt(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TinyIdx.write(data, "train", 252, 4, 1);
        TinyIdx.write(data, "t10k", 80, 4, 2);
        RunConfig c = RunConfig.defaults().withValue("task", "classifier").withValue("data.kind", "mnist")
                .withValue("data.path", data.toString()).withValue("batchSize", 32).withValue("cls.epochs", 4)
                .withValue("cls.validation", 60).withValue("cls.width", 8).withValue("log.every", 1)
                .withValue("threads", 1).withValue("name", "tiny");
        ClassifierSession s = ClassifierSession.create(c, tmp.resolve("runs"), "test");
        s.addListener(new ClassifierListener() {
            @Override
            public void onMetrics(ClassifierMetrics m) {
                if (m.step() == 8) {
                    s.control().stopForExit("stopped by Ctrl-C or SIGTERM");
                }
            }
        });
        assertEquals("stopped", s.runHere());
        Path dir = s.getRunDir();
        JsonObject summary = RunDirectory.open(dir).readSummary();
        assertEquals("stopped by Ctrl-C or SIGTERM at batch 8; test evaluation skipped, run `eval " + dir
                + "` for it", summary.get("reason").getAsString());
        assertFalse(summary.has("test"), summary.toString());

        CliRun eval = CliRun.of("eval", dir.toString());
        assertEquals(0, eval.code(), eval.err());
        JsonObject printed = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals(80, printed.get("images").getAsInt());
        assertEquals("last", printed.get("weights").getAsString());
        assertTrue(printed.get("top1").getAsDouble() > 0.5, printed.toString());
        JsonObject stored = RunDirectory.open(dir).readSummary();
        assertEquals(printed, stored.getAsJsonObject("test"));
        assertEquals("stopped", stored.get("status").getAsString());
    }
}
