package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/sh/jxen-java}) and its start-up cache: a cache is named by
 * the CPU, the JDK build and the jars that wrote it and kept in the user's cache directory, so a
 * cache from another machine or build is never passed to the JVM. The JVM here is a stand-in
 * {@code bin/java} that logs its arguments and writes the file {@code -XX:AOTCacheOutput} names,
 * as the real one's training run does.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/sh/jxen-java").toAbsolutePath();

    @TempDir
    Path tmp;
    private Path javaHome;
    private Path lib;
    private Path home;
    private Path javaLog;

    @BeforeEach
    void standInJdkAndJars() throws IOException {
        javaHome = Files.createDirectories(tmp.resolve("jdk"));
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"25.0.1\"\nJAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"\n");
        javaLog = tmp.resolve("java.log");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%s"
                for a; do case $a in -XX:AOTCacheOutput=*) echo cache > "${a#*=}" ;; esac; done
                """.formatted(javaLog));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        lib = Files.createDirectories(tmp.resolve("build/lib"));
        Files.writeString(lib.resolve("jxen-cli.jar"), "jar");
        Files.writeString(lib.resolve("jxen-core-api.jar"), "jar");
        home = Files.createDirectories(tmp.resolve("home"));
    }

    @Test
    void theCacheLivesInTheUsersCacheDirectoryNotBesideTheJars() {
        Path cache = cachePath(Map.of());
        assertEquals(home.resolve(".cache/jxen"), cache.getParent());
        assertTrue(cache.getFileName().toString().matches("jxen-[0-9]+-[0-9]+\\.aot"), cache.toString());
        assertEquals(tmp.resolve("xdg/jxen"), cachePath(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString())).getParent());
        assertEquals(tmp.resolve("mine"), cachePath(Map.of("JXEN_CACHE_DIR", tmp.resolve("mine").toString())).getParent());
    }

    @Test
    void newerJarsGetAnotherCacheOfTheSameMachine() throws IOException {
        Path before = cachePath(Map.of());
        Files.setLastModifiedTime(lib.resolve("jxen-cli.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path after = cachePath(Map.of());
        assertNotEquals(before, after);
        assertEquals(machinePart(before), machinePart(after), "the machine's part of the name");
    }

    @Test
    void twoInstallationsOnOneMachineKeepTheirOwnCaches() throws IOException {
        Path first = cachePath(Map.of());
        Path otherLib = Files.createDirectories(tmp.resolve("elsewhere/lib"));
        for (String jar : List.of("jxen-cli.jar", "jxen-core-api.jar")) {
            Files.copy(lib.resolve(jar), otherLib.resolve(jar));
        }
        Result train = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()), Map.of("JXEN_STARTUP_CACHE", "train"));
        assertEquals(0, train.status(), train.err());
        Result other = run(List.of(LAUNCHER.toString(), javaHome.toString(), otherLib.toString()), Map.of("JXEN_STARTUP_CACHE", "train"));
        assertEquals(0, other.status(), other.err());
        assertTrue(Files.isRegularFile(first), "the first installation's cache survives the second's training");
        assertNotEquals(machinePart(first), machinePart(Path.of(run(List.of(LAUNCHER.toString(), javaHome.toString(),
                otherLib.toString()), Map.of("JXEN_STARTUP_CACHE", "path")).out().strip())));
    }

    @Test
    void anotherJdkBuildGetsAnotherCache() throws IOException {
        Path before = cachePath(Map.of());
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"25.0.2\"\nJAVA_RUNTIME_VERSION=\"25.0.2+10-LTS\"\n");
        assertNotEquals(machinePart(before), machinePart(cachePath(Map.of())));
    }

    /** Another CPU: the same launcher, JDK and jars, with /proc/cpuinfo showing other flags. */
    @Test
    void anotherCpuGetsAnotherCache() throws IOException {
        assumeTrue(canUnshare(), "needs root and unshare(1) to show the launcher another /proc/cpuinfo");
        Path cpuinfo = tmp.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nflags\t\t: fpu sse sse2 sse4_2\n");
        String path = "JXEN_STARTUP_CACHE=path HOME='" + home + "' '" + LAUNCHER + "' '" + javaHome + "' '" + lib + "'";
        Result here = run(List.of("sh", "-c", path), Map.of());
        Result other = run(List.of("unshare", "-m", "sh", "-c", "mount --bind '" + cpuinfo + "' /proc/cpuinfo && " + path), Map.of());
        assertEquals(0, other.status(), other.err());
        assertNotEquals(machinePart(Path.of(here.out().strip())), machinePart(Path.of(other.out().strip())));
    }

    @Test
    void aCallTrainsOnceThenRunsWithItsOwnCacheOnly() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".cache/jxen"));
        Path foreign = Files.writeString(dir.resolve("jxen-1-2.aot"), "another machine's");
        Path own = cachePath(Map.of());

        Result first = launch("vcpuinfo", "demo");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().contains("writing the start-up cache"), first.err());
        assertTrue(Files.isRegularFile(own), "the training run wrote " + own);
        Result second = launch("vcpuinfo", "demo");
        assertEquals("", second.err());

        List<String> calls = Files.readAllLines(javaLog);
        assertEquals(3, calls.size(), "a training run, then the two calls: " + calls);
        assertTrue(calls.get(0).contains("-XX:AOTCacheOutput=" + own + "."), calls.get(0));
        for (String call : calls.subList(1, 3)) {
            assertTrue(call.contains("-XX:AOTCache=" + own + " "), call);
            assertTrue(call.endsWith("vcpuinfo demo"), call);
        }
        assertFalse(String.join("\n", calls).contains(foreign.toString()), "the other machine's cache is never named");
        assertTrue(Files.exists(foreign), "the other machine's cache is left alone");
    }

    @Test
    void trainingRemovesOnlyThisMachinesCachesOfOlderJars() throws IOException {
        Path old = cachePath(Map.of());
        Files.createDirectories(old.getParent());
        Files.writeString(old, "older jars");
        Path foreign = Files.writeString(old.resolveSibling("jxen-1-2.aot"), "another machine's");
        Files.setLastModifiedTime(lib.resolve("jxen-cli.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path current = cachePath(Map.of());

        Result r = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()), Map.of("JXEN_STARTUP_CACHE", "train"));
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(current));
        assertFalse(Files.exists(old), "this machine's cache of the older jars");
        assertTrue(Files.exists(foreign), "another machine's cache");
    }

    /** A training run that fails is not repeated by every later call; asking to train tries again. */
    @Test
    void aFailedTrainingIsNotRepeatedOnEveryCall() throws IOException {
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%s"
                exit 1
                """.formatted(javaLog));
        Path cache = cachePath(Map.of());
        Result first = launch("list");
        assertTrue(first.err().contains("could not be written"), first.err());
        Result second = launch("list");
        assertEquals("", second.err());
        assertEquals(3, Files.readAllLines(javaLog).size(), "one training run, then the two calls without a cache");
        assertFalse(Files.exists(cache));
        Result again = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()), Map.of("JXEN_STARTUP_CACHE", "train"));
        assertEquals(1, again.status());
        assertEquals(4, Files.readAllLines(javaLog).size(), "train tries again");
    }

    @Test
    void offRunsWithoutACacheAndWritesNone() throws IOException {
        Result r = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString(), "list"), Map.of("JXEN_STARTUP_CACHE", "off"));
        assertEquals(0, r.status(), r.err());
        String call = Files.readString(javaLog);
        assertFalse(call.contains("AOTCache"), call);
        assertFalse(Files.exists(home.resolve(".cache/jxen")));
    }

    @Test
    void anUnknownModeIsRefusedAndNamed() {
        Result r = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()), Map.of("JXEN_STARTUP_CACHE", "maybe"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("'maybe'") && r.err().contains("on, off, train or path"), r.err());
    }

    private Result launch(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    private Path cachePath(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("JXEN_STARTUP_CACHE", "path");
        Result r = run(List.of(LAUNCHER.toString(), javaHome.toString(), lib.toString()), all);
        assertEquals(0, r.status(), r.err());
        return Path.of(r.out().strip());
    }

    /** jxen-MACHINE-JARS.aot: the MACHINE part. */
    private static String machinePart(Path cache) {
        return cache.getFileName().toString().split("-")[1];
    }

    private static boolean canUnshare() {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("XDG_CACHE_HOME");
            pb.environment().remove("JXEN_CACHE_DIR");
            pb.environment().remove("JXEN_STARTUP_CACHE");
            pb.environment().put("HOME", home.toString());
            pb.environment().putAll(env);
            Process p = pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 30 s");
            }
            return new Result(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                    Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
