package ganstudio.ui.common;

import java.util.function.LongConsumer;

import javafx.animation.AnimationTimer;

/**
 * The views' repaint clock: an AnimationTimer (called every pulse, up to 60 times a second) that runs its work
 * at most ~30 times a second, so draining a run's feed and redrawing stay cheap on the FX thread.
 */
public final class UiTicker extends AnimationTimer {

    private static final long TICK_NANOS = 33_000_000L;
    /** Told how long each tick took (FX thread), so a stall can be traced to the views' own work. */
    private static LongConsumer tickTimes = nanos -> { };

    private final Runnable tick;
    private long lastTick;

    private UiTicker(Runnable tick) {
        this.tick = tick;
    }

    /** Starts a ticker running tick on the FX thread from now on. */
    public static void start(Runnable tick) {
        new UiTicker(tick).start();
    }

    /** Where the duration of every tick of every view goes from now on; call on the FX thread. */
    public static void observe(LongConsumer tickNanos) {
        tickTimes = tickNanos;
    }

    @Override
    public void handle(long now) {
        if (now - lastTick >= TICK_NANOS) {
            lastTick = now;
            long began = System.nanoTime();
            tick.run();
            tickTimes.accept(System.nanoTime() - began);
        }
    }
}
