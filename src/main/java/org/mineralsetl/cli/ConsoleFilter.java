package org.mineralsetl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Chooses what the terminal shows (logback-spring.xml has a brief and a verbose console appender, each with this
 * filter). Brief, the default: no stack traces and no Spring Batch step errors, because every handled failure is
 * reported by the command itself in one sentence; the full trace is always in var/log/etl.log. Verbose
 * ({@code --verbose}): everything, with stack traces.
 */
public class ConsoleFilter extends Filter<ILoggingEvent> {

    private static volatile boolean verboseRun;

    private boolean verbose;

    /** Set by the command line's --verbose option. */
    static void verboseRun(boolean on) {
        verboseRun = on;
    }

    /** Which console appender this filter guards: the verbose one (true) or the brief one (false). */
    public void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (verbose != verboseRun) {
            return FilterReply.DENY;
        }
        if (!verboseRun && event.getLevel().isGreaterOrEqual(Level.WARN)
                && event.getLoggerName().startsWith("org.springframework.batch")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
