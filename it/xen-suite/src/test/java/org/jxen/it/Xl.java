package org.jxen.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jxen.CpuMap;

/**
 * The referee: runs Xen's own tools ({@code xl}, {@code xenstore-read}) and parses their text
 * output, so that the suite compares jxen with what Xen's toolstack sees, not with itself.
 */
final class Xl {

    /** One line of {@code xl vcpu-list}. */
    record Vcpu(String name, int domid, int vcpu, int cpu, String state, double seconds, String hard, String soft) {

        /** Whether xl shows the vCPU online: offline vCPUs have no CPU ("-") and state "--p". */
        boolean online() {
            return cpu >= 0;
        }
    }

    /** One line of {@code xl list -v}. */
    record ListedDomain(String name, int id, int vcpus, UUID uuid) {
    }

    /** The output of a finished command. */
    record Result(int exitCode, String out, String err) {
    }

    /** Longer than any xl or jxen command takes in the lab (a JVM starts in 2-5 s under TCG). */
    private static final long COMMAND_TIMEOUT_SECONDS = 90;

    private Xl() {
    }

    /**
     * Runs a command to completion.
     *
     * @param command the program and its arguments
     * @return its exit code, stdout and stderr
     */
    static Result exec(List<String> command) {
        return exec(command, null, COMMAND_TIMEOUT_SECONDS);
    }

    /**
     * Runs a command to completion in a directory, with a time limit of its own.
     *
     * @param command the program and its arguments
     * @param dir its working directory, or null for the suite's
     * @param timeoutSeconds how long it may take
     * @return its exit code, stdout and stderr
     */
    static Result exec(List<String> command, Path dir, long timeoutSeconds) {
        try {
            // No stdin: a command that would wait for input gets end-of-file at once.
            Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // Both streams are drained concurrently (a full pipe would block the process), and
            // apart from the wait, so that the time limit holds even for a process that hangs.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command that must succeed.
     *
     * @param command the program and its arguments
     * @return its stdout
     */
    static String run(String... command) {
        Result r = exec(List.of(command));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + r.exitCode() + ": " + r.err());
        }
        return r.out();
    }

    /** {@code xl vcpu-list DOMAIN}. */
    static List<Vcpu> vcpuList(String domain) {
        return parseVcpuList(run("xl", "vcpu-list", domain));
    }

    /** {@code xl vcpu-list} with no argument: every domain's vCPUs, in domain id order. */
    static List<Vcpu> vcpuListAll() {
        return parseVcpuList(run("xl", "vcpu-list"));
    }

    /** {@code xl info}. */
    static Map<String, String> info() {
        return parseInfo(run("xl", "info"));
    }

    /** {@code xl list -v}. */
    static List<ListedDomain> list() {
        return parseList(run("xl", "list", "-v"));
    }

    /** {@code xenstore-read PATH}. */
    static String xenstoreRead(String path) {
        return run("xenstore-read", path).strip();
    }

    /**
     * Parses {@code xl vcpu-list}: a header, then
     * {@code Name ID VCPU CPU State Time(s) Hard / Soft} per vCPU.
     *
     * @param text the output
     * @return the vCPUs in output order
     */
    static List<Vcpu> parseVcpuList(String text) {
        List<Vcpu> vcpus = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("Name ")) {
                continue;
            }
            // The name may hold spaces; everything after it is whitespace-separated and fixed.
            String[] f = line.strip().split("\\s+");
            int n = f.length;
            if (n < 9 || !f[n - 2].equals("/")) {
                throw new IllegalArgumentException("unexpected xl vcpu-list line: " + line);
            }
            String name = String.join(" ", java.util.Arrays.copyOfRange(f, 0, n - 8));
            vcpus.add(new Vcpu(name, Integer.parseInt(f[n - 8]), Integer.parseInt(f[n - 7]),
                    f[n - 6].equals("-") ? -1 : Integer.parseInt(f[n - 6]), f[n - 5],
                    Double.parseDouble(f[n - 4]), f[n - 3], f[n - 1]));
        }
        return vcpus;
    }

    /**
     * Parses {@code xl info}: {@code key : value} lines.
     *
     * @param text the output
     * @return the keys and values in output order
     */
    static Map<String, String> parseInfo(String text) {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                info.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return info;
    }

    /**
     * Parses {@code xl list -v}: {@code Name ID Mem VCPUs State Time(s) UUID Reason-Code Security-Label}.
     *
     * @param text the output
     * @return the domains in output order
     */
    static List<ListedDomain> parseList(String text) {
        List<ListedDomain> domains = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("Name ")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            // From the right: the security label may be "-", the reason code too; the UUID is the
            // only 36-character field, so everything is located relative to it.
            int u = -1;
            for (int i = f.length - 1; i >= 0; i--) {
                if (f[i].length() == 36 && f[i].charAt(8) == '-') {
                    u = i;
                    break;
                }
            }
            if (u < 5) {
                throw new IllegalArgumentException("unexpected xl list -v line: " + line);
            }
            String name = String.join(" ", java.util.Arrays.copyOfRange(f, 0, u - 5));
            domains.add(new ListedDomain(name, Integer.parseInt(f[u - 5]), Integer.parseInt(f[u - 3]),
                    UUID.fromString(f[u])));
        }
        return domains;
    }

    /**
     * Turns an affinity as xl prints it into a map: xl prints "all" when every one of the host's
     * {@code nrCpus} CPUs is set, and the cpuset otherwise.
     *
     * @param text e.g. "all", "2-3", "0,2"
     * @param nrCpus {@code xl info}'s nr_cpus
     * @return the map
     */
    static CpuMap affinity(String text, int nrCpus) {
        return text.equals("all") ? CpuMap.range(0, nrCpus - 1) : CpuMap.parse(text);
    }
}
