package dev.streamlake.core.config;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.StringWriter;

/** Captures what one class logs at INFO and above, whatever the test log configuration says. */
final class CapturedLog implements AutoCloseable {

    private final String loggerName;
    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    CapturedLog(Class<?> loggingClass) {
        loggerName = loggingClass.getName();
        Appender appender =
                WriterAppender.newBuilder()
                        .setName("captured-" + loggerName)
                        .setTarget(text)
                        .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
                        .build();
        appender.start();
        Configuration configuration = context.getConfiguration();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, false);
        logger.addAppender(appender, Level.INFO, null);
        configuration.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    String text() {
        return text.toString();
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
    }
}
