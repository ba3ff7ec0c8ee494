package org.jxen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the dom0 test classes share: the staged lab directory, the log and the measurements the
 * lab's summary shows, the staged jxen command line, timing and waiting.
 */
final class Lab {

    /** The staged lab directory (system property {@code jxen.it.dir}, see it/xen-lab/stage). */
    static final Path DIR = Path.of(System.getProperty("jxen.it.dir", "/mnt/share"));
    /** What comes back to the host. */
    static final Path RESULTS = DIR.resolve("results");

    private Lab() {
    }

    /** Prints a line with the seconds since the suite's JVM started: where the lab's time goes, read from dom0.log. */
    static void log(String format, Object... args) {
        System.out.printf("xen-it: [%.0f s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                String.format(format, args));
    }

    /** Prints a measurement and adds it to results/measurements.txt, which the lab's summary shows. */
    static void record(String line) {
        log("%s", line);
        try {
            Files.writeString(RESULTS.resolve("measurements.txt"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where run-suite copied the jxen CLI (system property {@code jxen.it.cli}), else the staged one. */
    static Path cliDir() {
        return Path.of(System.getProperty("jxen.it.cli", DIR.resolve("cli").toString()));
    }

    /**
     * The command that runs the jxen CLI against xen:/// through its staged launcher, as bin/jxen
     * does (the same JVM options, this machine's start-up cache); the calling test is skipped, and
     * says so, when no CLI is staged.
     */
    static List<String> jxenCommand(List<String> args) {
        Path cli = cliDir();
        assumeTrue(Files.isExecutable(cli.resolve("jxen-java")), "no jxen CLI launcher staged in " + cli);
        List<String> command = new ArrayList<>(List.of(cli.resolve("jxen-java").toString(),
                System.getProperty("java.home"), cli.resolve("lib").toString(), "-c", "xen:///"));
        command.addAll(args);
        return command;
    }

    /** Runs a command that must succeed and returns its wall time in nanoseconds. */
    static long timeCommand(List<String> command) {
        long start = System.nanoTime();
        Xl.Result r = Xl.exec(command);
        long ns = System.nanoTime() - start;
        assertEquals(0, r.exitCode(), () -> String.join(" ", command) + ": " + r.err());
        return ns;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Waits until the condition has held at every poll for {@code steady}, not just once. */
    static void awaitSteady(Duration timeout, Duration steady, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long since = -1;
        while (true) {
            long now = System.nanoTime();
            if (!condition.getAsBoolean()) {
                since = -1;
            } else if (since < 0) {
                since = now;
            } else if (now - since >= steady.toNanos()) {
                return;
            }
            if (now > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what
                        + " (for " + steady.toSeconds() + " s)");
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
