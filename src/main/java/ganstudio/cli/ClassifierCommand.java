package ganstudio.cli;

import ganstudio.metrics.ClassificationReport;
import ganstudio.train.classify.ClassifierSession;

import java.io.PrintStream;
import java.util.Locale;

/** Runs a classifier session in the foreground with console progress; prints the test report at the end. */
final class ClassifierCommand {

    private final PrintStream out;
    private final PrintStream err;

    ClassifierCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(ClassifierSession session) {
        session.addListener(new ClassifierProgress(out, System.console() != null));
        StopOnShutdown hook = new StopOnShutdown(session, 120);
        String status = session.runHere();
        hook.remove();
        if ("failed".equals(status)) {
            return Cli.reportFailure(session, err);
        }
        ClassificationReport test = session.getTestReport();
        if (test != null) {
            printReport(out, test);
        }
        out.println("run: " + session.getRunDir());
        return Cli.OK;
    }

    static void printReport(PrintStream out, ClassificationReport r) {
        out.printf(Locale.ROOT, "%s: %d images  top-1 %.4f  top-5 %.4f  loss %.4f%n", r.set(), r.count(), r.top1(),
                r.top5(), r.loss());
        double[] acc = r.perClassAccuracy();
        StringBuilder sb = new StringBuilder("  per class:");
        for (int i = 0; i < acc.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.3f%s", r.className(i), acc[i], i < acc.length - 1 ? "," : ""));
        }
        out.println(sb);
    }
}
