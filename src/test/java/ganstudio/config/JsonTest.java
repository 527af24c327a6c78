package ganstudio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finding 6 of issue 22: nesting is bounded before any tree is built or walked. */
class JsonTest {

    private static String objects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void nestingUpToTheLimitParses() {
        assertTrue(Json.parse(objects(Json.MAX_DEPTH), "f.json").isJsonObject());
        assertTrue(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH), "f.json").isJsonArray());
    }

    @Test
    void oneLevelMoreIsOneLine() {
        UserError e = assertThrows(UserError.class, () -> Json.parse(objects(Json.MAX_DEPTH + 1), "f.json"));
        assertEquals("f.json: JSON nested deeper than 64 levels", e.getMessage());
        e = assertThrows(UserError.class, () -> Json.parse("{\"a\": " + "[".repeat(30000), "f.json"));
        assertEquals("f.json: JSON nested deeper than 64 levels", e.getMessage());
    }

    @Test
    void thirtyThousandLevelsReachTheConfigAsAUserError() {
        UserError e = assertThrows(UserError.class, () -> RunConfig.fromJson(objects(30000), "deep.json"));
        assertEquals("deep.json: JSON nested deeper than 64 levels", e.getMessage());
    }

    @Test
    void syntaxErrorsAreStillTheParsersToWord() {
        UserError e = assertThrows(UserError.class, () -> Json.parse("{\"a\": ", "f.json"));
        assertTrue(e.getMessage().startsWith("f.json: not valid JSON ("), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
