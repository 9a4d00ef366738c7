package dev.streamlake.core.config;

/**
 * The job's configuration cannot be used: an unknown key, a value of the wrong form, a missing
 * required key. Thrown at start, before any job graph is built; the message names the key and
 * says what would be accepted.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
