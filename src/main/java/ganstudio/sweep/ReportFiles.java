package ganstudio.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SweepReport#write()} wrote into the sweep's folder.
 *
 * @param plots the band plots drawn, in the order report.json lists them
 * @param problems what was left out and why (plots that could not be drawn); empty when nothing was
 */
public record ReportFiles(Path markdown, Path csv, Path json, List<Path> plots, List<String> problems) {

    public ReportFiles {
        plots = List.copyOf(plots);
        problems = List.copyOf(problems);
    }
}
