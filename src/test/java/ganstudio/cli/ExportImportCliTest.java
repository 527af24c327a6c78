package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.runs.RunDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `export` then `import` on the command line: a run's weights leave as safetensors and start a new run. */
class ExportImportCliTest {

    @TempDir
    Path tmp;

    @Test
    void anExportedRunStartsANewRunThroughImport() throws Exception {
        String[] small = {"--set", "model.gWidth=16", "--set", "model.dWidth=16", "--set", "log.frameEvery=1000",
            "--set", "eval.samples=200"};
        CliRun trained = CliRun.of(concat(new String[] {"train", "--preset", "ring8-gan", "--steps", "3", "--out",
            tmp.resolve("runs").toString()}, small));
        assertEquals(Cli.OK, trained.code(), trained.err());
        Path run = RunDirectory.list(tmp.resolve("runs")).get(0);
        Path weights = tmp.resolve("ring8.safetensors");
        CliRun exported = CliRun.of("export", run.toString(), "--out=" + weights);
        assertEquals(Cli.OK, exported.code(), exported.err());
        assertTrue(exported.out().startsWith("exported the generator and the critic at step 3: "), exported.out());

        CliRun imported = CliRun.of(concat(new String[] {"import", weights.toString(), "--preset", "ring8-gan",
            "--steps", "2", "--out", tmp.resolve("imported").toString()}, small));
        assertEquals(Cli.OK, imported.code(), imported.err());
        Path newRun = RunDirectory.list(tmp.resolve("imported")).get(0);
        assertTrue(RunDirectory.open(newRun).readEvents().contains(new RunDirectory.Event(0,
                "started from ring8.safetensors (generator and critic)")),
                RunDirectory.open(newRun).readEvents().toString());
        assertEquals(weights.toAbsolutePath().toString(),
                RunDirectory.open(newRun).readConfig().getString(ganstudio.config.ConfigSchema.MODEL_INIT_FROM));

        // other networks: refused before any folder, naming the tensor; a missing file and a classifier too
        CliRun wrong = CliRun.of("import", weights.toString(), "--preset", "ring8-gan", "--set", "model.gWidth=32",
                "--set", "model.dWidth=16", "--out", tmp.resolve("wrong").toString());
        assertEquals(Cli.BAD_INPUT, wrong.code(), wrong.err());
        assertTrue(wrong.err().startsWith("error: the weights do not fit the generator of this config: "),
                wrong.err());
        assertEquals(List.of(), RunDirectory.list(tmp.resolve("wrong")));
        assertEquals("error: " + tmp.resolve("none.safetensors") + ": no such file; give the weights as "
                + "FILE.safetensors or FILE.npz\n", CliRun.of("import", tmp.resolve("none.safetensors").toString(),
                        "--preset", "ring8-gan").err());
        assertEquals("error: import takes a GAN preset; fashion-classifier-baseline trains a classifier\n",
                CliRun.of("import", weights.toString(), "--preset", "fashion-classifier-baseline").err());
        assertTrue(Files.exists(weights));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
