package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import dev.streamlake.delta.kernel.InMemoryIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlinkFileIOTest {

    private final FlinkFileIO fileIO = new FlinkFileIO();

    @TempDir Path directory;

    private String uri(String name) {
        return directory.resolve(name).toUri().toString();
    }

    private static CloseableIterator<String> lines(String... lines) {
        return new InMemoryIterator<>(Arrays.asList(lines).iterator());
    }

    @Test
    void listingStartsAtTheGivenNameInNameOrder() throws Exception {
        for (String name : new String[] {"003.json", "001.json", "002.json", "000.json"}) {
            Files.writeString(directory.resolve(name), name);
        }

        List<String> names = new ArrayList<>();
        try (CloseableIterator<FileStatus> files = fileIO.listFrom(uri("001.json"))) {
            files.forEachRemaining(file -> names.add(file.getPath().substring(file.getPath().lastIndexOf('/') + 1)));
        }

        assertThat(names).containsExactly("001.json", "002.json", "003.json");
    }

    @Test
    void listingAMissingDirectoryIsFileNotFound() {
        assertThatThrownBy(() -> fileIO.listFrom(uri("missing/000.json"))).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void pathsAreQualified() throws Exception {
        assertThat(fileIO.resolvePath(directory.toString())).startsWith("file:/").endsWith(directory.toString());
    }

    @Test
    void anAtomicWriteRefusesToReplaceAFileUnlessToldTo() throws Exception {
        OutputFile commit = fileIO.newOutputFile(uri("_delta_log/00000000000000000000.json"));
        commit.writeAtomically(lines("{\"a\":1}", "{\"b\":2}"), false);

        assertThatThrownBy(() -> commit.writeAtomically(lines("{\"c\":3}"), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllLines(directory.resolve("_delta_log/00000000000000000000.json")))
                .containsExactly("{\"a\":1}", "{\"b\":2}");

        commit.writeAtomically(lines("{\"c\":3}"), true);
        assertThat(Files.readAllLines(directory.resolve("_delta_log/00000000000000000000.json")))
                .containsExactly("{\"c\":3}");
    }

    @Test
    void atomicWritesLeaveNoTemporaryFilesBehind() throws Exception {
        OutputFile file = fileIO.newOutputFile(uri("log/1.json"));
        file.writeAtomically(lines("x"), false);
        assertThatThrownBy(() -> file.writeAtomically(lines("y"), false)).isInstanceOf(FileAlreadyExistsException.class);

        try (Stream<Path> files = Files.list(directory.resolve("log"))) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList())).containsExactly("1.json");
        }
    }

    @Test
    void aPutIfAbsentStreamAppearsOnlyWhenClosed() throws Exception {
        Path target = directory.resolve("checkpoint.bin");
        try (PositionOutputStream out = fileIO.newOutputFile(target.toUri().toString()).create(true)) {
            out.write("content".getBytes(StandardCharsets.UTF_8));
            assertThat(out.getPos()).isEqualTo(7);
            assertThat(target).doesNotExist();
        }
        assertThat(target).hasContent("content");
    }

    @Test
    void filesReadFromAnyPositionAndFullyOrFail() throws Exception {
        Files.writeString(directory.resolve("data"), "0123456789");
        FileStatus status = fileIO.getFileStatus(uri("data"));

        try (SeekableInputStream in = fileIO.newInputFile(status.getPath(), status.getSize()).newStream()) {
            in.seek(4);
            byte[] buffer = new byte[3];
            in.readFully(buffer, 0, 3);
            assertThat(new String(buffer, StandardCharsets.UTF_8)).isEqualTo("456");
            assertThat(in.getPos()).isEqualTo(7);
            assertThatThrownBy(() -> in.readFully(new byte[5], 0, 5)).isInstanceOf(EOFException.class);
        }
        assertThat(status.getSize()).isEqualTo(10);
    }

    @Test
    void copiesAreAtomicAndRespectExistingTargets() throws Exception {
        Files.writeString(directory.resolve("source"), "payload");
        Files.writeString(directory.resolve("taken"), "old");

        fileIO.copyFileAtomically(uri("source"), uri("copy"), false);

        assertThat(directory.resolve("copy")).hasContent("payload");
        assertThatThrownBy(() -> fileIO.copyFileAtomically(uri("source"), uri("taken"), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(fileIO.delete(uri("copy"))).isTrue();
        assertThat(directory.resolve("copy")).doesNotExist();
    }

    @Test
    void aParquetFileWhoseWriteStoppedPartWayIsNotPublished() throws Exception {
        OutputFile checkpoint = fileIO.newOutputFile(uri("00000000000000000004.checkpoint.parquet"));
        PositionOutputStream out = checkpoint.create(true);
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {1, 2, 3, 4, 5, 6});

        assertThatThrownBy(out::close).hasMessageContaining("no complete Parquet file");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).as("neither the file nor its temporary sibling").isEmpty();
        }
    }

    @Test
    void aCompleteParquetFileIsPublished() throws Exception {
        OutputFile checkpoint = fileIO.newOutputFile(uri("00000000000000000004.checkpoint.parquet"));
        byte[] content = {'P', 'A', 'R', '1', 9, 9, 9, 9, 4, 0, 0, 0, 'P', 'A', 'R', '1'};
        try (PositionOutputStream out = checkpoint.create(true)) {
            out.write(content, 0, 6);
            for (int i = 6; i < content.length; i++) {
                out.write(content[i]);
            }
        }
        assertThat(Files.readAllBytes(directory.resolve("00000000000000000004.checkpoint.parquet")))
                .isEqualTo(content);
    }
}
