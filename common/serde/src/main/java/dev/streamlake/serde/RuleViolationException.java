package dev.streamlake.serde;

/** A well-formed record whose event breaks a rule of the job, e.g. a reading that is not a number. */
public class RuleViolationException extends MalformedRecordException {

    private static final long serialVersionUID = 1L;

    public RuleViolationException(String reason) {
        super(reason);
    }
}
