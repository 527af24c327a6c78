package ganstudio.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps GAN Studio's own log lines off the console: the CLI and the studio already say those things to the user
 * in their own words; the console log is for what the libraries (DJL, PyTorch, JavaFX) warn about.
 */
public final class NotOurs extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith("ganstudio.") ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
