package ganstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MallocTuningTest {

    @Test
    void restartsOnlyOnLinuxWithoutTheUsersOwnArenaLimitAndWithoutOptOut() {
        assertTrue(MallocTuning.applies(Map.of(), "Linux", null));
        assertTrue(MallocTuning.applies(Map.of("MALLOC_TRIM_THRESHOLD_", "1"), "Linux", "true"));
        assertFalse(MallocTuning.applies(Map.of("MALLOC_ARENA_MAX", "4"), "Linux", null));
        assertFalse(MallocTuning.applies(Map.of(), "Linux", "false"));
        assertFalse(MallocTuning.applies(Map.of(), "Mac OS X", null));
        assertFalse(MallocTuning.applies(Map.of(), "Windows 11", null));
    }

    @Test
    void theRestartMarksItselfSoItHappensOnce() {
        assertFalse(MallocTuning.applies(MallocTuning.SETTINGS, "Linux", null));
        assertEquals(List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"),
                List.copyOf(MallocTuning.SETTINGS.keySet()));
    }

    @Test
    void theChildSeesTheSettingsAndItsExitCodeComesBack() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs /bin/sh");
        OptionalInt code = MallocTuning.relaunch(List.of("/bin/sh", "-c",
                "[ \"$MALLOC_ARENA_MAX\" = 1 ] && [ \"$MALLOC_MMAP_THRESHOLD_\" = 33554432 ]"
                        + " && [ \"$MALLOC_TRIM_THRESHOLD_\" = 1073741824 ] && exit 7; exit 1"));
        assertEquals(OptionalInt.of(7), code);
    }

    @Test
    void aCommandThatCannotStartLeavesTheProcessToCarryOn() {
        assertEquals(OptionalInt.empty(), MallocTuning.relaunch(List.of("/nonexistent/java-binary")));
    }

    @Test
    void thisProcessCommandLineIsReadable() {
        List<String> command = MallocTuning.currentCommand().orElseThrow();
        assertTrue(command.get(0).endsWith("java"), command.get(0));
        assertTrue(command.size() > 1);
    }
}
