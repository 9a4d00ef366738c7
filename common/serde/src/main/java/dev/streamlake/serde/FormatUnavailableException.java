package dev.streamlake.serde;

/**
 * A format cannot do its work because something it depends on is unavailable, e.g. the schema
 * registry cannot be reached. This is not bad data: {@link RecordDecoder} lets it propagate so the
 * job fails and restarts instead of dead-lettering every record until the dependency is back.
 */
public class FormatUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FormatUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
