package ganstudio.cli;

import ganstudio.train.SessionListener;

import java.io.PrintStream;

/**
 * What the GAN and classifier console progress share: an event as its own line (checkpoints left out: they come
 * every few hundred steps and would bury the rest) and the closing status line. On a terminal the progress line
 * is rewritten in place with \r, so a line of its own starts with a newline there.
 */
abstract class ConsoleListener implements SessionListener {

    protected final PrintStream out;
    protected final boolean terminal;
    /** Whether the run started: one that never did is reported by the CLI as an input error instead. */
    protected boolean started;
    private final String stepWord;

    /** @param stepWord what a step is called in the event lines ("step", "batch") */
    ConsoleListener(PrintStream out, boolean terminal, String stepWord) {
        this.out = out;
        this.terminal = terminal;
        this.stepWord = stepWord;
    }

    @Override
    public void onEvent(long step, String text) {
        if (!text.startsWith("checkpoint")) {
            out.println((terminal ? "\n" : "") + stepWord + " " + step + ": " + text);
        }
    }

    @Override
    public void onFinished(String status, String reason) {
        if (started) {
            out.println((terminal ? "\n" : "") + status + (reason.isEmpty() ? "" : ": " + reason));
        }
    }
}
