package dev.ssokit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * .gitignore ignores every folder named target/ (Maven's build output, also in examples). A source folder of that
 * name would exist in a working tree and be silently missing from every clone: twice a package called target was
 * left out of a commit that way. Name such packages otherwise (labtarget, runtarget).
 */
class RepositoryLayoutTest {
    @Test
    void noSourceFolderIsNamedTarget() throws IOException {
        List<Path> offending;
        try (Stream<Path> paths = Stream.of("src", "features", "stubs", "docs", "targets")
                .map(Path::of).filter(Files::isDirectory).flatMap(RepositoryLayoutTest::walk)) {
            offending = paths.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals("target"))
                    .toList();
        }
        assertThat(offending).as("folders named target/ are ignored by .gitignore: rename them").isEmpty();
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
