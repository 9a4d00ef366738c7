package dev.streamlake.core.kinesis;

/**
 * How the Kinesis connector finds AWS credentials. Providers other than {@code auto} and {@code
 * basic} take their settings through {@code kinesis.properties.*}, e.g. {@code
 * kinesis.properties.aws.credentials.provider.role.arn}.
 */
public enum AwsCredentialsProvider {
    /** The AWS default chain: environment, system properties, web identity, profile, instance role. */
    AUTO,
    /** The access key id and secret key given in configuration; for tests against a local mock. */
    BASIC,
    ENV_VAR,
    SYS_PROP,
    PROFILE,
    ASSUME_ROLE,
    WEB_IDENTITY_TOKEN
}
