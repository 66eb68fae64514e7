package org.aula.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM stop the platform in order: services (reverse start order), then Kafka,
 * then PostgreSQL. JVM shutdown hooks run concurrently and in no set order, and the embedded
 * PostgreSQL registers its own hook, which would stop the database underneath services that are
 * still committing. So the signals are handled first, everything is closed in order, and only then
 * does the JVM exit (the hooks find nothing left to do). A plain shutdown hook remains as the
 * fallback when signals cannot be handled (e.g. {@code -Xrs}).
 */
final class ShutdownOnSignal {

    private static final Logger log = LoggerFactory.getLogger(ShutdownOnSignal.class);
    private static final AtomicBoolean stopping = new AtomicBoolean();

    private ShutdownOnSignal() {
    }

    static void install(AulaLocalPlatform platform, int exitStatus) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stopAndExit(platform, signal, exitStatus));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("Cannot handle SIG{}; relying on the shutdown hook", name, e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "aula-platform-shutdown"));
    }

    private static void stopAndExit(AulaLocalPlatform platform, Signal signal, int exitStatus) {
        if (!stopping.compareAndSet(false, true)) {
            log.info("SIG{}: already stopping", signal.getName());
            return;
        }
        Thread stopper = new Thread(() -> {
            log.info("SIG{}: stopping the Aula local platform", signal.getName());
            platform.close();
            System.exit(exitStatus);
        }, "aula-platform-stop");
        stopper.start();
    }
}
