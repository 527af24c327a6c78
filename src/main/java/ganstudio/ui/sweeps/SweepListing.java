package ganstudio.ui.sweeps;

import ganstudio.config.UserError;
import ganstudio.sweep.SlurmSubmission;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sweeps in a folder (sweeps/ next to the runs, the CLI's default), newest plan first (sweep.json is written
 * once, so a sweep whose tasks are writing does not move up the list), as the Sweeps tab lists them. Read off the
 * FX thread: each sweep's plan is a file to parse.
 */
final class SweepListing {

    /**
     * One sweep folder.
     *
     * @param name the plan's name, or the reason the folder cannot be read
     * @param tasks its task count, 0 when unreadable
     * @param executor local or slurm
     */
    record Row(Path dir, String folder, String name, int tasks, String executor, boolean readable) {}

    private SweepListing() {}

    static List<Row> read(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(SweepFolder::isSweep)
                    .sorted(Comparator.comparing((Path p) -> p.resolve(SweepPlan.FILE).toFile().lastModified()).reversed()
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (Path dir : dirs) {
            rows.add(row(dir));
        }
        return rows;
    }

    static Row row(Path dir) {
        String executor = Files.isRegularFile(dir.resolve(SlurmSubmission.FILE)) ? "slurm" : "local";
        try {
            SweepPlan plan = SweepPlan.read(dir);
            return new Row(dir, dir.getFileName().toString(), plan.name(), plan.tasks().size(), executor, true);
        } catch (UserError e) {
            return new Row(dir, dir.getFileName().toString(), e.getMessage(), 0, executor, false);
        }
    }
}
