package ganstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StudioLaunchTest {

    @Test
    void badOptionsAreOneLineAndExitCode2BeforeAnyWindow() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Studio.launch(new String[] {"--bogus"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals("error: studio: Unknown option: '--bogus'\n", text);
        assertEquals(1, text.strip().lines().count());
    }

    @Test
    void noDisplayIsOneLineAndExitCode2() {
        // In a desktop session opening a window here would block the test run.
        Assumptions.assumeFalse(Studio.hasDisplay(), "a display is present: the no-display message is not reachable");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Studio.launch(new String[0], new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("error: " + Studio.NO_DISPLAY, err.toString(StandardCharsets.UTF_8).strip());
    }
}
