package ganstudio.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;

import ganstudio.config.Json;
import ganstudio.config.Presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** models/studies/stability-2d.json plans as intended and its published figures match its variants. */
class StabilityStudyTest {

    private static final Path FILE = Paths.get("models/studies/stability-2d.json");

    @Test
    void sixPresetsTimesFiveSeedsWithThePublishedProtocol() throws IOException {
        JsonObject source = Json.parse(Files.readString(FILE), FILE.toString()).getAsJsonObject();
        SweepPlan plan = SweepPlan.expand(SweepSpec.read(FILE), new Presets(Paths.get("models")), source);
        assertEquals(30, plan.tasks().size());
        assertEquals(List.of("ring8-gan", "ring8-wgan", "ring8-wgan-gp", "grid25-gan", "grid25-wgan",
                "grid25-wgan-gp"), plan.variants().stream().map(SweepPlan.Variant::label).toList());
        for (SweepTask t : plan.tasks()) {
            assertEquals(2500, t.config().getInt("eval.samples"));
        }
        assertEquals(Set.of("nsgan", "wgan", "wgan-gp"), plan.tasks().stream()
                .map(t -> t.config().getString("objective.kind")).collect(Collectors.toSet()));
        assertEquals(6500, plan.tasks().get(10).config().getInt("steps")); // ring8-wgan-gp keeps its preset's length

        PublishedFigures published = PublishedFigures.parse(source.get("published"));
        assertEquals(List.of("ring8", "grid25"), published.dataSets());
        assertEquals(4, published.resultsFor("ring8").size());
        PublishedFigures.Result gan = published.resultsFor("grid25").get(0);
        assertEquals(17.3, gan.values().get(Figure.MODES));
        assertEquals(94.8, gan.values().get(Figure.HIGH_QUALITY));
        assertEquals("Z. Lin, A. Khetan, G. Fanti, S. Oh, PacGAN: The power of two samples in generative adversarial "
                + "networks, NeurIPS 2018, Table 1 (2D-ring, 2D-grid)", published.citation(gan));
    }
}
