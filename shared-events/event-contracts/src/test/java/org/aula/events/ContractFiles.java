package org.aula.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the contract's checked-in files: the schemas on the classpath and the published ones in the source tree. */
final class ContractFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Maven runs tests from the module directory, which is where the source-tree paths below are relative to. */
    static final Path MODULE = Path.of("");
    static final Path SCHEMAS = MODULE.resolve("src/main/resources/schemas");
    static final Path PUBLISHED_SCHEMAS = MODULE.resolve("src/test/resources/published-schemas");

    private ContractFiles() {
    }

    /** A catalog type's current schema, as packaged (from the classpath, like a consumer would load it). */
    static JsonNode currentSchema(EventCatalog entry) {
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            if (in == null) {
                throw new AssertionError("no schema on the classpath at " + entry.schemaResource()
                        + "; regenerate the schemas (see README.md)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code <type>.json} in a directory, by type name. */
    static Map<String, JsonNode> schemasIn(Path directory) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return schemas;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .forEach(file -> schemas.put(typeOf(file), JSON.readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    private static String typeOf(Path schemaFile) {
        String name = schemaFile.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
