package dev.streamlake.core.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where one output of a local run goes, e.g. {@code sensor stats -> file:///.../sensor_stats}. */
public final class LocalOutput {

    private final String name;
    private final String location;

    private LocalOutput(String name, String location) {
        this.name = Objects.requireNonNull(name, "name");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** An output at a path or URI given as text. */
    public static LocalOutput of(String name, String location) {
        return new LocalOutput(name, location);
    }

    /** An output in a local directory or file, shown as an absolute {@code file:} URI. */
    public static LocalOutput of(String name, Path path) {
        return new LocalOutput(name, path.toAbsolutePath().toUri().toString());
    }

    public String name() {
        return name;
    }

    public String location() {
        return location;
    }

    /** The path of the output when its location is a {@code file:} URI. */
    public Optional<Path> localPath() {
        try {
            URI uri = new URI(location);
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException notAFileUri) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name + " -> " + location;
    }
}
