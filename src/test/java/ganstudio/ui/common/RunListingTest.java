package ganstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;

import ganstudio.config.Presets;
import ganstudio.runs.RunDirectory;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunListingTest {

    @TempDir
    Path tmp;

    @Test
    void aRowCarriesTheFinalFiguresOfItsKindOfRun() {
        Presets presets = new Presets(Paths.get("models"));
        Path ring = write("ring", presets, "ring8-gan", "{\"status\": \"finished\", \"steps\": 300, \"eval\": "
                + "{\"modesCaptured\": 7, \"highQualityFraction\": 0.875}}");
        Path images = write("img", presets, "fashion-wgan-gp", "{\"status\": \"stopped\", \"steps\": 30, \"eval\": "
                + "{\"classesCovered\": 4, \"frechet\": 12.5}}");
        Path cls = write("cls", presets, "fashion-classifier-baseline", "{\"status\": \"finished\", \"task\": "
                + "\"classifier\", \"test\": {\"top1\": 0.9125}}");
        Path running = write("run", presets, "ring8-gan", "{\"status\": \"running\", \"steps\": 10}");

        RunListing.Row r = RunListing.row(ring);
        assertEquals(7.0, r.modes());
        assertEquals(87.5, r.highQuality());
        assertNull(r.frechet());
        assertNull(r.top1());
        RunListing.Row i = RunListing.row(images);
        assertEquals(12.5, i.frechet());
        assertNull(i.modes());
        assertEquals(91.25, RunListing.row(cls).top1());
        RunListing.Row live = RunListing.row(running);
        assertEquals("running", live.status());
        assertNull(live.modes());
        assertNull(live.highQuality());
    }

    private Path write(String name, Presets presets, String preset, String summary) {
        Path dir = tmp.resolve(name);
        RunDirectory run = RunDirectory.createAt(dir, presets.load(preset), new JsonObject());
        run.writeSummary(com.google.gson.JsonParser.parseString(summary).getAsJsonObject());
        run.close();
        return dir;
    }
}
