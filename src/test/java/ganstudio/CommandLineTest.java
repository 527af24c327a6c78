package ganstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ganstudio.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's contract, for every command of the jar: `--help` lists every option with its default, a bad
 * value is one line and exit 2, `--opt=value` equals `--opt value`, the completion script completes.
 */
class CommandLineTest {

    /** Every command path, hidden ones included: what the tests below go over. */
    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(AppCommands.cli(System.out, System.err).commandLine(), all);
        return all.subList(1, all.size()); // the root's own help is tested apart
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyCommandAnswersHelpWithEveryOptionAndItsDefault() {
        List<CommandLine> commands = everyCommand();
        assertTrue(commands.size() >= 14, "train eval presets ablate sweep (report status task) video export bench "
                + "studio completion help: " + commands.size());
        for (CommandLine c : commands) {
            String path = Cli.commandPathOf(c);
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            Run r = Run.of(args.toArray(new String[0]));
            assertEquals(0, r.code, path + ": " + r.err);
            assertEquals("", r.err, path);
            assertTrue(r.out.contains("Usage: ganstudio " + path + " ["), path + ":\n" + r.out);
            for (OptionSpec o : c.getCommandSpec().options()) {
                assertTrue(r.out.contains(o.longestName()), path + " --help leaves out " + o.longestName());
                boolean flag = o.type() == boolean.class || o.usageHelp() || o.versionHelp();
                String text = String.join(" ", o.description());
                assertTrue(flag || text.contains("default") || text.contains("required"),
                        path + " " + o.longestName() + " does not say its default: " + text);
            }
        }
    }

    @Test
    void theRootListsEveryCommandAndVersionNamesTheEngine() {
        Run help = Run.of("--help");
        assertEquals(0, help.code);
        for (String command : List.of("train", "eval", "presets", "ablate", "sweep", "video", "export", "import",
                "bench",
                "studio", "completion", "help")) {
            assertTrue(help.out.contains("\n  " + command + " "), command + " missing from:\n" + help.out);
        }
        String ablate = Run.of("ablate", "--help").out;
        assertTrue(ablate.contains("Tricks for GAN presets: ") && ablate.contains("wgan-lp.")
                && ablate.contains("Tricks for classifier presets: label-smoothing, "), ablate);
        Run version = Run.of("--version");
        assertEquals(0, version.code, version.err);
        assertTrue(version.out.contains("DJL 0.33.0, PyTorch 2.5.1 (natives: cpu"), version.out);
        assertTrue(version.out.contains("\ndevice: "), version.out);
        assertEquals(version.out, Run.of("train", "--version").out, "-V is every command's");
    }

    @Test
    void aBadValueIsOneLineAndExitTwoForEveryCommand() {
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("train", "--preset", "ring8-gan", "--steps", "abc"), "error: train: Invalid value for "
                + "option '--steps': 'abc' is not a whole number (`train --help` lists its options)");
        cases.put(List.of("eval", "--samples=1.5", "r"), "error: eval: Invalid value for option '--samples': '1.5' is "
                + "not a whole number (`eval --help` lists its options)");
        cases.put(List.of("presets", "--keys=maybe"), "error: presets: Invalid value for option '--keys': 'maybe' is "
                + "not a boolean (`presets --help` lists its options)");
        cases.put(List.of("ablate", "--preset", "ring8-gan", "--seeds", "0"),
                "error: --seeds 0: expected a whole number from 1 to 1000");
        cases.put(List.of("sweep", "x.json", "--parallel", "99999999999"), "error: sweep: Invalid value for option "
                + "'--parallel': '99999999999' is out of range (`sweep --help` lists its options)");
        cases.put(List.of("sweep", "report"), "error: sweep report: Missing required parameter: 'DIR' "
                + "(`sweep report --help` lists its options)");
        cases.put(List.of("sweep", "status", "a", "b"), "error: sweep status: Unmatched argument at index 3: 'b' "
                + "(`sweep status --help` lists its options)");
        cases.put(List.of("sweep", "task", "d", "x"), "error: sweep task: Invalid value for positional parameter at "
                + "index 1 (INDEX): 'x' is not a whole number (`sweep task --help` lists its options)");
        cases.put(List.of("video", "r", "--fps", "0"), "error: --fps 0: expected a whole number from 1 to 60");
        cases.put(List.of("export", "r", "--out", "x.npz", "--step=-1"),
                "error: --step -1: expected a whole number from 0 to 9223372036854775807");
        cases.put(List.of("import", "w.safetensors", "--seed", "x"), "error: import: Invalid value for option "
                + "'--seed': 'x' is not a whole number (`import --help` lists its options)");
        cases.put(List.of("bench", "--iters", "0"), "error: --iters 0: expected a whole number >= 1");
        cases.put(List.of("studio", "--theme=blue"), "error: studio: --theme blue: expected dark or light");
        cases.put(List.of("completion", "zsh"), "error: completion: Unmatched argument at index 1: 'zsh' "
                + "(`completion --help` lists its options)");
        cases.put(List.of("help", "nosuch"), "error: Unknown subcommand 'nosuch'. (`help` lists the commands)");
        cases.put(List.of("trian"), "error: Unmatched argument at index 0: 'trian'; did you mean train? "
                + "(`help` lists the commands)");
        cases.put(List.of("train", "--step", "5"), "error: train: Unknown options: '--step', '5'; did you mean "
                + "--steps? (`train --help` lists its options)");
        List<String> covered = new ArrayList<>();
        cases.forEach((args, expected) -> {
            Run r = Run.of(args.toArray(new String[0]));
            assertEquals(Cli.BAD_INPUT, r.code, args + ": " + r.err);
            assertEquals(expected + "\n", r.err.lines().filter(l -> l.startsWith("error: ")).findFirst()
                    .map(l -> l + "\n").orElse(r.err), args.toString());
            assertEquals(1, r.err.lines().count(), args + " printed more than one line:\n" + r.err);
            covered.add(args.get(0).equals("sweep") && !args.get(1).endsWith(".json") ? "sweep " + args.get(1)
                    : args.get(0));
        });
        for (CommandLine c : everyCommand()) {
            assertTrue(covered.contains(Cli.commandPathOf(c)), "no bad-value case for " + Cli.commandPathOf(c));
        }
    }

    @Test
    void equalsAndSpaceFormsAreTheSame() {
        for (String[][] pair : new String[][][] {
            {{"studio", "--theme=dark", "--size=10x10", "--zoom=40"}, {"studio", "--theme", "dark", "--size", "10x10",
                "--zoom", "40"}},
            {{"train", "--preset=ring8-gan", "--steps=0"}, {"train", "--preset", "ring8-gan", "--steps", "0"}},
            {{"bench", "--device=tpu"}, {"bench", "--device", "tpu"}}}) {
            Run a = Run.of(pair[0]);
            Run b = Run.of(pair[1]);
            assertEquals(Cli.BAD_INPUT, a.code, a.err);
            assertEquals(b.err, a.err);
        }
        assertEquals("error: studio: --zoom 40.0: at most 32 (screen pixels per picture pixel)\n",
                Run.of("studio", "--theme=dark", "--zoom=40").err);
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineAndExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)).addCommand(new Boom())
                .run(new String[] {"boom"});
        assertEquals(Cli.FAILED, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: unexpected: boom"), text);
        assertEquals(1, text.lines().count(), text);
    }

    @Test
    void theCompletionScriptCompletesCommandsAndOptions(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/bash")), "bash is not installed: completion not checked");
        Run r = Run.of("completion");
        assertEquals(0, r.code, r.err);
        Path script = tmp.resolve("ganstudio.bash");
        Files.writeString(script, r.out);
        assertEquals("train", complete(script, "ganstudio", "tr"));
        assertEquals("--steps", complete(script, "ganstudio", "train", "--ste"));
        assertEquals("--theme", complete(script, "ganstudio", "studio", "--the"));
        assertEquals("report", complete(script, "ganstudio", "sweep", "rep"));
        assertEquals("--soak --soak-every", complete(script, "ganstudio", "bench", "--so"));
    }

    /** What bash offers for the last word, as the generated function computes it. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_ganstudio 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    /** One command of the jar, in this JVM. */
    private record Run(int code, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = AppCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
