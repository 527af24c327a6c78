package ganstudio.ui.common;

import java.util.prefs.Preferences;

/** The two looks of the studio; the choice is remembered per user with java.util.prefs. */
public enum Theme {
    DARK("dark.css"),
    LIGHT("light.css");

    private static final String PREF_KEY = "theme";
    private final String fileName;

    Theme(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    private static Preferences prefs() {
        return Preferences.userRoot().node("ganstudio/studio");
    }

    /** The remembered theme, dark when none was chosen or the preference store cannot be read. */
    public static Theme remembered() {
        try {
            return valueOf(prefs().get(PREF_KEY, DARK.name()));
        } catch (IllegalArgumentException | SecurityException | IllegalStateException e) {
            return DARK;
        }
    }

    public void remember() {
        try {
            prefs().put(PREF_KEY, name());
        } catch (SecurityException | IllegalStateException e) {
            // not remembered; the theme still applies for this session
        }
    }
}
