package dev.streamlake.delta.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The raw actions of a local table's commit files, as every Delta reader sees them. */
public final class DeltaLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path logDirectory;

    public DeltaLog(Path tableDirectory) {
        this.logDirectory = tableDirectory.resolve("_delta_log");
    }

    public List<JsonNode> actions(long version) {
        Path commit = logDirectory.resolve(String.format("%020d.json", version));
        List<JsonNode> actions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(commit)) {
                actions.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return actions;
    }

    /** The actions of one kind (add, txn, metaData, protocol, commitInfo) in a commit. */
    public List<JsonNode> actions(long version, String kind) {
        return actions(version).stream()
                .filter(action -> action.has(kind))
                .map(action -> action.get(kind))
                .collect(Collectors.toList());
    }

    /** Names of files in the log directory, such as checkpoints. */
    public List<String> files() {
        try (Stream<Path> files = Files.list(logDirectory)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
