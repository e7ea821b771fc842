package dev.ssokit.report;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's %redacted: the log message after the redactor, so console logs carry no secret either. */
public final class RedactingMessage extends ClassicConverter {
    private static final Redactor REDACTOR = Redactor.standard();

    @Override
    public String convert(ILoggingEvent event) {
        return REDACTOR.redact(event.getFormattedMessage());
    }
}
