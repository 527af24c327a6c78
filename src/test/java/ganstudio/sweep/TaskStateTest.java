package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStateTest {

    @TempDir
    Path tmp;

    private TaskState stateWithSummary(String summaryJson) throws Exception {
        SweepTask t = SweepPlan.expand(SweepSpec.parse("{\"name\": \"s\", \"presets\": [\"ring8-gan\"], \"set\": "
                + "{\"steps\": 300}}", "f"), Presets.locate(), new JsonObject()).task(0);
        Path dir = tmp.resolve("t" + System.nanoTime());
        RunDirectory.createAt(dir, t.config(), new JsonObject()).close();
        if (summaryJson != null) {
            Files.writeString(dir.resolve(RunDirectory.SUMMARY), summaryJson);
        }
        return TaskState.of(dir, t);
    }

    @Test
    void readsEachEndFromTheSummary() throws Exception {
        assertEquals(new TaskState(TaskState.Kind.DONE, "", 300, 300),
                stateWithSummary("{\"status\": \"finished\", \"reason\": \"\", \"steps\": 300}"));
        assertEquals(new TaskState(TaskState.Kind.DIVERGED, "the critic loss became NaN at critic iteration 20", 4,
                300), stateWithSummary("{\"status\": \"failed\", \"reason\": \"the critic loss became NaN at critic "
                + "iteration 20\", \"steps\": 4}"));
        assertEquals(TaskState.Kind.FAILED, stateWithSummary("{\"status\": \"failed\", \"reason\": \"disk full\"}")
                .kind());
        assertEquals(TaskState.Kind.STOPPED, stateWithSummary("{\"status\": \"stopped\", \"steps\": 120}").kind());
        assertEquals(TaskState.Kind.KILLED, stateWithSummary("{\"status\": \"running\", \"steps\": 120}").kind());
        assertEquals(TaskState.Kind.KILLED, stateWithSummary(null).kind());
        assertEquals(TaskState.Kind.QUEUED, TaskState.of(tmp.resolve("absent"), SweepPlan.expand(SweepSpec.parse(
                "{\"name\": \"s\", \"presets\": [\"ring8-gan\"]}", "f"), Presets.locate(), new JsonObject()).task(0))
                .kind());
    }

    @Test
    void aDamagedSummaryIsReadAsFarAsItGoes() throws Exception {
        assertEquals(new TaskState(TaskState.Kind.KILLED, "ended without a final status (killed?)", 0, 300),
                stateWithSummary("{\"status\": {}, \"steps\": \"many\"}"));
        assertEquals(TaskState.Kind.KILLED, stateWithSummary("{not json").kind());
    }

    @Test
    void aRunningTasksProgressIsItsLastCompleteMetricsRow() throws Exception {
        SweepTask t = SweepPlan.expand(SweepSpec.parse("{\"name\": \"s\", \"presets\": [\"ring8-gan\"], \"set\": "
                + "{\"steps\": 300}}", "f"), Presets.locate(), new JsonObject()).task(0);
        Path dir = tmp.resolve("running");
        try (RunDirectory run = RunDirectory.createAt(dir, t.config(), new JsonObject())) {
            run.writeSummary(new JsonObject());
            Files.writeString(dir.resolve(RunDirectory.METRICS), "step,critic_iters\n10,10\n120,120\n13");
            TaskState s = TaskState.of(dir, t);
            assertEquals(TaskState.Kind.RUNNING, s.kind());
            assertEquals(120, s.step());
        }
        // Ended without a final status: the rows say how far it got.
        assertEquals(new TaskState(TaskState.Kind.KILLED, "ended without a final status (killed?)", 120, 300),
                TaskState.of(dir, t));
        assertEquals(0, TaskState.lastLogged(tmp.resolve("absent")));
    }
}
