package ganstudio.ui.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordControlTest {

    @Test
    void aSecondRecordingOfTheSameRunGetsItsOwnFile(@TempDir Path run) throws Exception {
        assertEquals(run.resolve("video.mp4"), RecordControl.freeName(run, "video"));
        Files.createFile(run.resolve("video.mp4"));
        assertEquals(run.resolve("video-2.mp4"), RecordControl.freeName(run, "video"));
        Files.createFile(run.resolve("video-2.mp4"));
        assertEquals(run.resolve("video-3.mp4"), RecordControl.freeName(run, "video"));
        assertEquals(run.resolve("dashboard.mp4"), RecordControl.freeName(run, "dashboard"));
    }
}
