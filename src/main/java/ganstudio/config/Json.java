package ganstudio.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * Every JSON file the app reads (presets, config.json, summary.json) goes through here, so a malformed one is
 * one line naming the file. Nesting is bounded before the tree is built: the app's own files are at most four
 * levels deep, and code that walks a tree recursively (a config's keys, Gson's toString) would otherwise end a
 * file of 30,000 nested objects in a StackOverflowError.
 */
public final class Json {

    /** Deeper than any file the app writes (config.json: 3, summary.json: 4) by a wide margin. */
    public static final int MAX_DEPTH = 64;

    private Json() {}

    /**
     * Parses JSON text.
     *
     * @param source the file, for messages
     * @throws UserError "source: not valid JSON (why)" or "source: JSON nested deeper than 64 levels"
     */
    public static JsonElement parse(String text, String source) {
        checkDepth(text, source);
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new UserError(source + ": not valid JSON (" + firstLine(why) + ")");
        }
    }

    /** Walks the tokens without building anything (no recursion), counting open objects and arrays. */
    private static void checkDepth(String text, String source) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.LENIENT); // what JsonParser accepts; syntax errors are its to report
        int depth = 0;
        try {
            while (true) {
                JsonToken t = r.peek();
                switch (t) {
                    case BEGIN_OBJECT -> {
                        r.beginObject();
                        depth++;
                    }
                    case BEGIN_ARRAY -> {
                        r.beginArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        r.endObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        r.endArray();
                        depth--;
                    }
                    case NAME -> r.nextName();
                    case END_DOCUMENT -> {
                        return;
                    }
                    default -> r.skipValue();
                }
                if (depth > MAX_DEPTH) {
                    throw new UserError(source + ": JSON nested deeper than " + MAX_DEPTH + " levels");
                }
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // malformed before it got too deep: the parser words the error
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
