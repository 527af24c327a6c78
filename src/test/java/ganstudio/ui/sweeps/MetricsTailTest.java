package ganstudio.ui.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running task's progress, from the end of its metrics.csv only. */
class MetricsTailTest {

    @Test
    void theLastCompleteRowGivesTheProgressAndItsWallTime(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("step,critic_iters,loss_d,wall_s\n");
        for (int step = 10; step <= 5000; step += 10) {
            csv.append(step).append(',').append(step * 5).append(",0.5,").append(step / 100.0).append('\n');
        }
        csv.append("5010,250"); // being written
        Path f = dir.resolve("metrics.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > 8192, "longer than the tail read, so the header comes from the start");
        assertEquals(Optional.of(new MetricsTail.Row(5000, 50)), MetricsTail.read(f));
    }

    @Test
    void aClassifierLogsFractionalEpochs() {
        assertEquals(Optional.of(new MetricsTail.Row(1.5, 12.25)),
                MetricsTail.lastRow("epoch,step,train_loss,wall_s\n1,10,0.9,8\n1.5,15,0.8,12.25\n", 3));
    }

    @Test
    void aLogWithItsHeaderOnlyOrMissingHasNoRow(@TempDir Path dir) {
        assertEquals(Optional.empty(), MetricsTail.lastRow("step,critic_iters,wall_s\n", 2));
        assertEquals(Optional.empty(), MetricsTail.read(dir.resolve("none.csv")));
    }
}
