package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class LogWindowTest {

    @Test
    void aLongLogShowsItsEndFromAWholeLine(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("session.log");
        Files.writeString(log, "first line\nsecond line\nthird\n");
        assertEquals("first line\nsecond line\nthird\n", LogWindow.tail(log, 100));
        // the last 14 bytes start inside "second line": that partial line is left out
        assertEquals("[earlier lines left out]\nthird\n", LogWindow.tail(log, 14));
    }
}
