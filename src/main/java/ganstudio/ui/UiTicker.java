package ganstudio.ui;

import javafx.animation.AnimationTimer;

/**
 * The views' repaint clock: an AnimationTimer (called every pulse, up to 60 times a second) that runs its work
 * at most ~30 times a second, so draining a run's feed and redrawing stay cheap on the FX thread.
 */
final class UiTicker extends AnimationTimer {

    private static final long TICK_NANOS = 33_000_000L;

    private final Runnable tick;
    private long lastTick;

    private UiTicker(Runnable tick) {
        this.tick = tick;
    }

    /** Starts a ticker running tick on the FX thread from now on. */
    static void start(Runnable tick) {
        new UiTicker(tick).start();
    }

    @Override
    public void handle(long now) {
        if (now - lastTick >= TICK_NANOS) {
            lastTick = now;
            tick.run();
        }
    }
}
