package ganstudio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finding 7 of issue 22: a name never escapes the folder it is made in. */
class FolderNamesTest {

    @Test
    void separatorsBecomeUnderscoresSoDotDotIsJustText() {
        assertEquals("x_.._.._y", FolderNames.of("x/../../y", "name"));
        assertEquals("a_b_c", FolderNames.of("a\\b c", "name"));
        assertEquals("ring8-wgan_gp.2", FolderNames.of("ring8-wgan gp.2", "name"));
    }

    @Test
    void dotNamesAndEmptyNamesAreRefused() {
        for (String bad : new String[] {".", "..", ".hidden", "../y", "", "   "}) {
            UserError e = assertThrows(UserError.class, () -> FolderNames.of(bad, "name"), bad);
            assertTrue(e.getMessage().startsWith("name = " + bad + " is not allowed"), e.getMessage());
        }
    }

    @Test
    void aConfigWithSuchANameDoesNotValidate() {
        UserError e = assertThrows(UserError.class, () -> RunConfig.defaults().with("name", "..").validate("p.json"));
        assertTrue(e.getMessage().startsWith("p.json: name = .. is not allowed"), e.getMessage());
        RunConfig.defaults().with("name", "x/../../y").validate(""); // sanitized, so allowed
    }
}
