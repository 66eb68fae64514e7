package org.aula.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on a data directory when we are about to start one there.
 *
 * <p>The postmaster is a daemon, not a child of the JVM: when the JVM dies without closing it
 * ({@code kill -9}, an OOM kill, a power-off of the terminal) it keeps running and keeps the data
 * directory locked through {@code postmaster.pid}, and the next start fails. zonky holds a file lock
 * on {@code epg-lock} in the data directory for as long as its JVM runs; that lock dies with the JVM,
 * so a postmaster whose {@code epg-lock} is free was left behind by a run that is gone.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private static final String PID_FILE = "postmaster.pid";
    // zonky's EmbeddedPostgres locks this file in the data directory while it runs.
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    // A fast shutdown rolls back open transactions and writes a checkpoint; with fsync on and a
    // large backlog of dirty buffers that can take a while, so this is generous.
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private LeftoverPostmaster() {
    }

    /**
     * Makes {@code dataDir} startable: stops a postmaster left running on it by a run that is gone
     * and removes a {@code postmaster.pid} whose process is gone or is no longer a PostgreSQL on this
     * directory. Refuses if a live process (this JVM or another) still owns the directory.
     */
    static void clear(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = pidIn(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        boolean ours = process.isPresent() && isPostmasterOf(process.get(), dataDir);
        if (!ownerIsGone(dataDir)) {
            throw new IllegalStateException("PostgreSQL's data directory " + dataDir + " is in use by a running process"
                    + pid.map(p -> " (postmaster PID " + p + ")").orElse("")
                    + ": stop the platform that uses it, or give this one another data directory");
        }
        if (!ours) {
            // PostgreSQL removes a lock file whose PID is gone, but not one whose PID now belongs to
            // another process (and under `unshare -U` it cannot even signal it to find out).
            delete(pidFile);
            log.info("Removed stale {} from {} ({})", PID_FILE, dataDir,
                    pid.map(p -> process.isPresent() ? "PID " + p + " is now another process" : "PID " + p + " is gone")
                            .orElse("it named no PID"));
            return;
        }
        stop(process.get(), dataDir);
    }

    /**
     * Why a start on {@code dataDir} and {@code port} may have failed, as far as it can be seen from
     * outside: who holds the data directory, or that the port is taken. Empty when nothing explains it.
     */
    static String diagnose(Path dataDir, int port) {
        StringBuilder cause = new StringBuilder();
        Path pidFile = dataDir.resolve(PID_FILE);
        if (Files.exists(pidFile)) {
            Optional<Long> pid = pidIn(pidFile);
            Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (process.isPresent() && isPostmasterOf(process.get(), dataDir)) {
                cause.append("PostgreSQL PID ").append(pid.get()).append(" is running on this data directory (")
                        .append(pidFile).append(")");
            } else if (process.isPresent()) {
                cause.append(pidFile).append(" names PID ").append(pid.get()).append(", now another process");
            }
        }
        if (port != 0 && !portIsFree(port)) {
            cause.append(cause.isEmpty() ? "" : "; ").append("port ").append(port).append(" is in use");
        }
        return cause.toString();
    }

    private static void stop(ProcessHandle postmaster, Path dataDir) {
        long started = System.nanoTime();
        // Taken now: once the postmaster is killed its children are reparented and out of reach.
        List<ProcessHandle> children = postmaster.children().toList();
        String how;
        boolean signalled = signal(postmaster, "INT");
        if (exited(postmaster, signalled ? FAST_SHUTDOWN_WAIT : Duration.ZERO)) {
            how = "stopped it (fast shutdown)";
        } else {
            // Last resort. PostgreSQL recovers from its WAL at the next start, as after a crash; the
            // children go too, or their shared memory would block that start.
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            boolean gone = exited(postmaster, KILL_WAIT);
            for (ProcessHandle child : children) {
                gone &= exited(child, KILL_WAIT);
            }
            if (!gone) {
                throw new IllegalStateException("PostgreSQL PID " + postmaster.pid() + ", left running on " + dataDir
                        + " by an earlier run, did not exit even after SIGKILL; stop it, then start again");
            }
            how = "killed it (SIGKILL) after it ignored a fast shutdown for " + FAST_SHUTDOWN_WAIT.toSeconds() + " s";
        }
        log.warn("Found PostgreSQL PID {} still running on {}, left by an earlier run that ended without stopping it;"
                + " {} in {} ms", postmaster.pid(), dataDir, how, (System.nanoTime() - started) / 1_000_000);
    }

    /** SIGINT is PostgreSQL's fast shutdown; Java can only send SIGTERM (smart) and SIGKILL itself. */
    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            // No kill(1): SIGTERM, a smart shutdown, which is fast enough once the killed JVM's
            // connections are gone.
            return process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * True unless zonky's lock on the data directory is held, by another JVM or by this one. The
     * probe lock is released at once: zonky takes it itself as it starts.
     */
    private static boolean ownerIsGone(Path dataDir) {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check who uses " + dataDir, e);
        }
    }

    /**
     * Whether {@code process} is a PostgreSQL server on {@code dataDir}: its executable is
     * {@code postgres} and it runs in that directory (the postmaster changes into its data directory)
     * or names it after {@code -D}.
     */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(true);
        if (!postgres) {
            return false;
        }
        Path target;
        try {
            target = dataDir.toRealPath();
        } catch (IOException e) {
            return false;
        }
        try {
            if (Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")).equals(target)) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed to look: the command line has to do.
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameDirectory(Path.of(arguments[i + 1]), target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path path, Path realTarget) {
        try {
            return path.isAbsolute() && path.toRealPath().equals(realTarget);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + file, e);
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
