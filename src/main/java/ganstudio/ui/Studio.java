package ganstudio.ui;

import ganstudio.config.UserError;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;

/**
 * Opens the studio. Deliberately not an Application subclass: the jar's main class starts JavaFX from the
 * class path, and the JavaFX launcher refuses a main class that extends Application when the JavaFX modules
 * are not on the module path.
 */
public final class Studio {

    public static final String NO_DISPLAY = "no display: the studio needs a desktop session (or xvfb-run); "
            + "the CLI works headless: java -jar target/ganstudio.jar help";

    /** Set by the demo when a screenshot could not be written, so the exit code says so. */
    static final AtomicInteger EXIT_CODE = new AtomicInteger(0);

    private Studio() {}

    /**
     * Opens the window and returns when it is closed.
     *
     * @return 0, or 2 when there is no display or the options are wrong, 1 when the demo failed
     */
    public static int launch(String[] args, PrintStream err) {
        try {
            StudioOptions.parse(Arrays.asList(args)); // reject bad options before a window appears
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (!hasDisplay()) {
            err.println("error: " + NO_DISPLAY);
            return 2;
        }
        // Glass would otherwise log a stack trace of its own when the X server refuses the connection.
        try {
            Application.launch(StudioApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("error: the studio could not open a window (" + e.getMessage() + "); " + NO_DISPLAY);
            return 2;
        }
        return EXIT_CODE.get();
    }

    public static int launch(String[] args) {
        return launch(args, System.err);
    }

    static boolean hasDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("linux") || os.contains("bsd")) {
            String display = System.getenv("DISPLAY");
            String wayland = System.getenv("WAYLAND_DISPLAY");
            return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
        }
        return true;
    }
}
