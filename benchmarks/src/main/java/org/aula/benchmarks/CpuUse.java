package org.aula.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent during a measured phase, from Linux's {@code /proc}: the machine's busy time (all cores, every
 * process) and that of the processes doing the work: each service, PostgreSQL (its postmaster, the backends alive
 * now, and the backends that exited, which the postmaster has reaped), and the harness's own JVM (the load
 * generator, the embedded broker and the topic watch). Together with the wall time this says whether a phase was
 * bound by the CPU: if all the CPU it used, spread over every core, takes about as long as the phase did, no lock or
 * wait was its limit, and it can only get faster by needing less CPU per operation.
 *
 * <p>Clock ticks are taken as 100 per second ({@code USER_HZ}, what Linux reports on every common architecture).
 */
final class CpuUse {

    private static final double TICKS_PER_SECOND = 100.0;
    static final String HARNESS = "harness (clients, broker)";
    static final String POSTGRES = "PostgreSQL";

    private final Map<String, List<Long>> groups;

    /** @param groups the processes to account for, by name: each group's pids (a PostgreSQL group: its postmaster) */
    private CpuUse(Map<String, List<Long>> groups) {
        this.groups = groups;
    }

    /** The services running now, PostgreSQL on {@code postgresPort}, and this JVM; empty where /proc is missing. */
    static Optional<CpuUse> of(List<ServiceProcess> services, int postgresPort) {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return Optional.empty();
        }
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        services.forEach(service -> groups.put(service.name(), List.of(service.pid())));
        postmaster(postgresPort).ifPresent(pid -> groups.put(POSTGRES, List.of(pid)));
        groups.put(HARNESS, List.of(ProcessHandle.current().pid()));
        return Optional.of(new CpuUse(groups));
    }

    /** A reading to subtract a later one from. */
    record Reading(CpuUse source, long nanos, long machineBusyTicks, Map<String, Long> ticks) {

        /** The CPU spent from this reading until now. */
        Spent untilNow() {
            return between(this, source.read());
        }
    }

    /** The CPU a phase used: wall time, machine-wide busy CPU, and each group's CPU, in seconds. */
    record Spent(double wallSeconds, int cores, double machineBusySeconds, Map<String, Double> cpuSeconds) {

        /** Cores kept busy on average, by every process on the machine. */
        double busyCores() {
            return machineBusySeconds / wallSeconds;
        }

        /** The phase's wall time if the machine's busy CPU had been spread perfectly over all its cores. */
        double cpuFloorSeconds() {
            return machineBusySeconds / cores;
        }

        /** CPU milliseconds per operation, by group. */
        Map<String, Double> millisPer(int operations) {
            Map<String, Double> per = new LinkedHashMap<>();
            cpuSeconds.forEach((group, seconds) -> per.put(group, seconds * 1000 / operations));
            return per;
        }

        Map<String, Object> toMap(int operations) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("wall_seconds", Figures.round(wallSeconds));
            map.put("cores", cores);
            map.put("machine_busy_cpu_seconds", Figures.round(machineBusySeconds));
            map.put("machine_busy_cores", Figures.round(busyCores()));
            map.put("cpu_floor_seconds", Figures.round(cpuFloorSeconds()));
            Map<String, Object> per = new LinkedHashMap<>();
            millisPer(operations).forEach((group, millis) -> per.put(group, Figures.round(millis)));
            map.put("cpu_ms_per_operation", per);
            return map;
        }

        String describe(int operations, String operation) {
            StringBuilder text = new StringBuilder(String.format("machine %.2f of %d cores busy; CPU ms per %s:", busyCores(),
                    cores, operation));
            millisPer(operations).forEach((group, millis) -> text.append(String.format(" %s %.2f,", group, millis)));
            double all = machineBusySeconds * 1000 / operations;
            return text.append(String.format(" whole machine %.2f; all of it spread over %d cores takes %.2f s", all, cores,
                    cpuFloorSeconds())).toString();
        }
    }

    Reading read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        groups.forEach((group, pids) -> ticks.put(group, pids.stream().mapToLong(pid -> POSTGRES.equals(group)
                ? postgresTicks(pid) : processTicks(pid, false)).sum()));
        return new Reading(this, System.nanoTime(), machineBusyTicks(), ticks);
    }

    private static Spent between(Reading before, Reading after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.ticks().forEach((group, ticks) -> seconds.put(group, (ticks - before.ticks().getOrDefault(group, ticks))
                / TICKS_PER_SECOND));
        return new Spent((after.nanos() - before.nanos()) / 1e9, Runtime.getRuntime().availableProcessors(),
                (after.machineBusyTicks() - before.machineBusyTicks()) / TICKS_PER_SECOND, seconds);
    }

    /** user + nice + system + irq + softirq + steal of the {@code cpu} line (idle and iowait left out). */
    private static long machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.filter(line -> line.startsWith("cpu ")).findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    /** utime + stime (fields 14, 15 of /proc/pid/stat), plus cutime + cstime (16, 17): reaped children's. */
    private static long processTicks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces; count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // exited: for a backend, its postmaster's reaped-children time now holds it
        }
    }

    private static long postgresTicks(long postmaster) {
        long ticks = processTicks(postmaster, true);
        try (Stream<ProcessHandle> children = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)) {
            ticks += children.mapToLong(child -> processTicks(child.pid(), false)).sum();
        }
        return ticks;
    }

    /** The postmaster listening on {@code port}: a postgres process started with {@code -p <port>}. */
    private static Optional<Long> postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(arguments -> {
                    for (int i = 0; i + 1 < arguments.length; i++) {
                        if ("-p".equals(arguments[i]) && String.valueOf(port).equals(arguments[i + 1])) {
                            return true;
                        }
                    }
                    return false;
                }).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }
}
