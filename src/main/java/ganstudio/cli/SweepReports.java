package ganstudio.cli;

import ganstudio.sweep.ReportFiles;
import ganstudio.sweep.SweepFolder;
import ganstudio.sweep.SweepReport;

import java.io.PrintStream;

/** Writes a sweep's report where the CLI needs one: after a local sweep, after each task, on `sweep report`. */
final class SweepReports {

    private SweepReports() {}

    /** True when the report was written; a failure is printed, never thrown (a task's result stands without it). */
    static boolean write(SweepFolder sweep, PrintStream out, PrintStream err) {
        try {
            ReportFiles f = SweepReport.compute(sweep).write();
            out.println("report: " + f.markdown());
            f.problems().forEach(p -> err.println("warning: " + p));
            return true;
        } catch (RuntimeException e) {
            err.println("error: report: " + e.getMessage());
            return false;
        }
    }
}
