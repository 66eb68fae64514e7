package org.aula.deploy.embedded;

import java.nio.file.Path;

/**
 * What {@code ./platform} leaves behind when it is killed with {@code kill -9}: run in its own JVM
 * by {@link HardKillRecoveryIT}, it starts durable PostgreSQL and Kafka on a data directory, prints
 * {@code READY} and waits to be killed.
 */
public final class HardKilledPlatform {

    private HardKilledPlatform() {
    }

    /** Arguments: the data directory, PostgreSQL's port. */
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        int postgresPort = Integer.parseInt(args[1]);
        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, true);
        EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
        System.out.println("READY");
        System.out.flush();
        // Runs until the test kills this JVM.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
