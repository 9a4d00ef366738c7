package dev.streamlake.core.job;

/** The rule for the names of a job and of its inputs, tables and outputs: they make keys and uids. */
final class Names {

    private Names() {}

    static String check(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "A job, input, table or output name is lower case letters, digits and hyphens,"
                            + " starting with a letter: " + name);
        }
        return name;
    }
}
