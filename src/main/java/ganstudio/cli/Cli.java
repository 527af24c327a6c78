package ganstudio.cli;

import ganstudio.config.ConfigKey;
import ganstudio.config.ConfigSchema;
import ganstudio.config.UserError;
import ganstudio.logs.Logs;
import ganstudio.runs.RunDirectory;
import ganstudio.train.Session;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: every command parsed by picocli under one root, with one exception handler. Exit codes: 0
 * success, 1 training failed or something unexpected (one line naming the log with the trace), 2 bad input (one
 * line naming the option or file and the fix).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final List<Object> extraCommands = new ArrayList<>();

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Adds a picocli command defined outside the CLI: the studio's, which the CLI must not depend on, so that its
     * options are listed in help and completed like the others.
     */
    public Cli addCommand(Object command) {
        extraCommands.add(command);
        return this;
    }

    public int run(String[] args) {
        return commandLine().execute(args);
    }

    /** Every command with its options, the handlers and the streams set: what run executes. */
    public CommandLine commandLine() {
        CommandLine root = new CommandLine(new RootCommand(out));
        root.addSubcommand(new TrainCommand(out, err));
        root.addSubcommand(new EvalCommand(out, err));
        root.addSubcommand(new PresetsCommand(out));
        root.addSubcommand(AblateCommand.commandLine(out, err));
        root.addSubcommand(SweepCommand.commandLine(out, err));
        root.addSubcommand(new VideoCommand(out));
        root.addSubcommand(new ExportCommand(out));
        root.addSubcommand(new ImportCommand(out, err));
        root.addSubcommand(new BenchCommand(out));
        extraCommands.forEach(root::addSubcommand);
        root.addSubcommand(new CompletionCommand(out));
        root.addSubcommand(new CommandLine.HelpCommand());
        root.registerConverter(Integer.class, text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        root.registerConverter(int.class, text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        root.registerConverter(Long.class, text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE));
        root.registerConverter(long.class, text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE));
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        root.setParameterExceptionHandler(this::badArguments);
        root.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e));
        return root;
    }

    /** A user error in the words typed: one line naming the command and where its options are listed. */
    private int badArguments(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = commandPathOf(cmd);
        StringBuilder line = new StringBuilder("error: ");
        if (!name.isEmpty()) {
            line.append(name).append(": ");
        }
        line.append(e.getMessage().replace(System.lineSeparator(), " ").trim());
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
        }
        line.append(name.isEmpty() ? " (`help` lists the commands)" : " (`" + name + " --help` lists its options)");
        err.println(line);
        return BAD_INPUT;
    }

    /** Whole numbers in the words users type: "abc" and "1.5" are refused with what is expected. */
    private static long whole(String text, long min, long max) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is "
                + (text.trim().matches("-?\\d+") ? "out of range" : "not a whole number"));
    }

    /** The command's words after the root's name, e.g. "sweep report"; empty for the root. */
    public static String commandPathOf(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) {
            names.add(0, c.getCommandName());
        }
        return String.join(" ", names);
    }

    private int failed(Exception e) {
        if (e instanceof UserError) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        return unexpected(e);
    }

    /**
     * Anything that is not the user's input going wrong: one line on the console, the trace in the session log
     * (which the line names), exit code 1.
     */
    int unexpected(Exception e) {
        org.slf4j.LoggerFactory.getLogger(Cli.class).error("unexpected error", e);
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("error: unexpected: " + what + Logs.sessionLog()
                .map(p -> " (the trace is in " + p + ")").orElse(""));
        return FAILED;
    }

    /** The failed run's reason and where it is; a run that never started (bad data, no GPU) is bad input. */
    static int reportFailure(Session<?> session, PrintStream err) {
        err.println("error: " + session.getReason());
        if (session.getRunDir() != null) {
            err.println("the run so far stays readable in " + session.getRunDir());
        }
        return session.failedOnInput() ? BAD_INPUT : FAILED;
    }

    /** A whole-number option in the range of the config key it sets, e.g. "--steps 0: expected ... 1 to 100000000". */
    static int inRange(String flag, long value, String key) {
        ConfigKey<?> k = ConfigSchema.require(key);
        return (int) inRange(flag, value, (long) k.getMin(), (long) Math.min(k.getMax(), Integer.MAX_VALUE));
    }

    /** Every command's whole-number options: one line naming the option and the range, exit code 2. */
    static long inRange(String flag, long value, long min, long max) {
        if (value >= min && value <= max) {
            return value;
        }
        throw new UserError(flag + " " + value + ": expected a whole number from " + min + " to " + max);
    }

    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu(:\\d{1,2})?");

    /** --device auto|cpu|gpu|gpu:N, checked as typed. */
    static String device(String text) {
        if (!DEVICE.matcher(text).matches()) {
            throw new UserError("--device " + text + ": expected auto, cpu, gpu or gpu:N");
        }
        return text;
    }

    static boolean isClassifierRun(java.nio.file.Path dir) {
        return RunDirectory.isRun(dir)
                && "classifier".equals(RunDirectory.open(dir).readConfig().getString(ConfigSchema.TASK));
    }
}
