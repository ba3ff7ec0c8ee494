package org.jxen.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs jxen in-process, as a user would from a shell, and captures what it prints. */
final class Cli {

    /** Where no privcmd device is, so the default host is test:///default. */
    static final Path NO_PRIVCMD = Path.of("/nonexistent/dev/xen/privcmd");
    /** The note a call without -c prints on this machine. */
    static final String NO_XEN_NOTE = "jxen: no Xen here (" + NO_PRIVCMD + " missing), using test:///default\n";

    private Cli() {
    }

    /**
     * What a call printed and returned.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {
    }

    /**
     * Runs a call with no input, without Xen and without JXEN_DEFAULT_URI.
     *
     * @param args the arguments
     * @return what happened
     */
    static Result run(String... args) {
        return run(new Environment(Map.of(), NO_PRIVCMD, () -> false), "", args);
    }

    /**
     * Runs a call that reads {@code stdin} (a shell when no command is given), not on a terminal.
     *
     * @param stdin the input
     * @param args the arguments
     * @return what happened
     */
    static Result shell(String stdin, String... args) {
        return run(new Environment(Map.of(), NO_PRIVCMD, () -> false), stdin, args);
    }

    /**
     * Runs a call in a given environment.
     *
     * @param environment variables, device path and terminal answer
     * @param stdin the input
     * @param args the arguments
     * @return what happened
     */
    static Result run(Environment environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new Invocation(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e)
                    .run(List.of(args));
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Replaces the CPU time figures of vcpuinfo, which grow with wall time on the simulated host.
     *
     * @param text vcpuinfo output
     * @return the text with every {@code N.Ns} CPU time as {@code T}
     */
    static String withoutCpuTimes(String text) {
        return text.replaceAll("(?m)^CPU time:       \\d+\\.\\ds$", "CPU time:       T");
    }
}
