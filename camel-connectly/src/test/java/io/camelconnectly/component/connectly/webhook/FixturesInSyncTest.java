package io.camelconnectly.component.connectly.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The in-repo fixtures are byte-exact copies of the shared {@code connectly-fixtures} (signature vectors depend on every
 * byte): checked whenever the shared directory is beside the repository, skipped on a clone without it.
 */
class FixturesInSyncTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path SHARED = Paths.get("../../shared/connectly-fixtures");
    private static final Path IN_REPO = Paths.get("src/test/resources", WebhookFixtures.DIRECTORY);

    @Test
    void everyCopyEqualsTheSharedFileByteForByte() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no shared fixtures at " + SHARED.toAbsolutePath().normalize());

        List<Path> copies = files(IN_REPO);
        assertThat(copies).isNotEmpty();
        for (Path copy : copies) {
            Path shared = SHARED.resolve(copy.getFileName().toString());
            assertThat(shared).as("shared counterpart of %s", copy).isRegularFile();
            assertThat(Files.readAllBytes(copy)).as("%s equals %s byte for byte", copy, shared)
                    .isEqualTo(Files.readAllBytes(shared));
        }
        assertThat(copies).extracting(p -> p.getFileName().toString()).as("every shared fixture has an in-repo copy")
                .containsAll(files(SHARED).stream().map(p -> p.getFileName().toString()).toList());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
