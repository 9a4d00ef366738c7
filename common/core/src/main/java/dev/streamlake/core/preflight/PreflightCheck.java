package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;

/** One check the runner makes at start, before the job graph is submitted. */
public interface PreflightCheck {

    /** What is checked, for the log, e.g. "Kafka topics [a, b] exist". */
    String description();

    /**
     * Makes the check, within its own bounded time.
     *
     * @throws InvalidConfigurationException naming the key whose value does not work, and what to do
     */
    void run();
}
