package org.aula.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The demo's steps as they run: each numbered and timed as it prints, a failure recorded as a problem, never thrown. */
final class Steps {

    private final PrintStream out;
    private final List<DemoReport.Step> done = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Steps(PrintStream out) {
        this.out = out;
    }

    /** Runs one step; {@code work} answers what it did. Answers whether it worked. */
    boolean run(String name, Callable<String> work) {
        int number = done.size() + 1;
        out.printf(Locale.ROOT, "[%d] %s%n", number, name);
        long started = System.nanoTime();
        try {
            String outcome = work.call();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            done.add(new DemoReport.Step(name, took, outcome));
            out.printf(Locale.ROOT, "    ok   %6d ms  %s%n", took.toMillis(), outcome);
            return true;
        } catch (Exception e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            done.add(new DemoReport.Step(name, took, "FAILED: " + message));
            problems.add("step " + number + " (" + name + ") failed: " + message);
            out.printf(Locale.ROOT, "    FAIL %6d ms  %s%n", took.toMillis(), message);
            return false;
        }
    }

    List<DemoReport.Step> done() {
        return List.copyOf(done);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
