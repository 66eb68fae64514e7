package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the repository README's event catalog true: every type, with its topic, is listed there. */
class ReadmeCatalogTest {

    private static final Path README = Path.of("../../README.md");

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void theReadmeListsEveryCatalogTypeWithItsTopic(EventCatalog entry) throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains("| `" + entry.type() + "` | `" + entry.topic() + "` |");
    }
}
