package org.aula.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service started the way the container image starts it (deploy/container/Dockerfile): the executable jar
 * extracted by Spring Boot's jar tools ({@code java -Djarmode=tools -jar … extract}), and a class data sharing
 * archive recorded by a training run that exits once the application context has refreshed
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}), as Spring Boot's reference describes,
 * with the image's training settings ({@code deploy/container/cds-training.env}).
 */
final class ClassDataSharing {

    /** The extracted jar and the JVM options that use the archive. */
    record Launch(Path jar, Path archive) {

        List<String> useArchive() {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
    }

    private ClassDataSharing() {
    }

    /**
     * Extracts {@code service}'s jar and records its archive with the container image's training run: the settings of
     * {@code deploy/container/cds-training.env} and nothing else (no database, broker or token issuer, as in a
     * {@code docker build}).
     */
    static Launch prepare(Services services, String service, Path repository) {
        Path jar = services.jar(service);
        Path folder = services.out().resolve("cds").resolve(service);
        Path logs = services.out().resolve("logs");
        delete(folder);
        run(List.of(ServiceProcess.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                folder.toString()), Map.of(), folder.getParent(), logs.resolve(service + "-extract.log"));
        Path extracted = folder.resolve(jar.getFileName());
        Path archive = folder.resolve("application.jsa");
        List<String> training = new ArrayList<>();
        training.add(ServiceProcess.java());
        training.addAll(services.jvmOptions());
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString()));
        run(training, trainingEnvironment(repository), folder, logs.resolve(service + "-training.log"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run of " + service + " wrote no " + archive + "; see its log");
        }
        return new Launch(extracted, archive);
    }

    /** The KEY=VALUE lines of the container image's training settings. */
    static Map<String, String> trainingEnvironment(Path repository) {
        Path file = repository.resolve("deploy/container/cds-training.env");
        try {
            Map<String, String> environment = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                environment.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
            return environment;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path directory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
