package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * A JVM that denies native access (the JDK's future default) opening {@code xen:///}: one
 * {@link JxenException} naming the flag, the same on the second try, never an Error. Runs in a
 * forked JVM started as the user's would be, on the class path.
 */
class NativeAccessTest {

    @Test
    void aJvmDenyingNativeAccessGetsNoSupportNamingTheClassPathFlagTwice() throws Exception {
        List<String> lines = fork("--illegal-native-access=deny");
        assertEquals(2, lines.size(), "two attempts, two lines: " + lines);
        assertEquals(lines.get(0), lines.get(1), "the second attempt says the same");
        assertTrue(lines.get(0).startsWith("NO_SUPPORT HYPERCALL --enable-native-access=ALL-UNNAMED "), lines.get(0));
        assertTrue(lines.get(0).contains("add --enable-native-access=ALL-UNNAMED to the java command"), lines.get(0));
    }

    @Test
    void withTheFlagNativeAccessIsNotTheProblem() throws Exception {
        for (String line : fork("--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED")) {
            assertTrue(!line.contains("native access"), line);
        }
    }

    @Test
    void anExecutableJarIsToldTheManifestAttribute(@TempDir Path dir) throws Exception {
        // The launcher jar holds only a manifest: this class as Main-Class, the test class path as Class-Path.
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, NativeAccessTest.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(e -> Path.of(e).toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        List<String> lines = run(List.of("--illegal-native-access=deny", "-jar", jar.toString()));
        assertEquals(2, lines.size(), "two attempts, two lines: " + lines);
        assertTrue(lines.get(0).startsWith("NO_SUPPORT HYPERCALL Enable-Native-Access: ALL-UNNAMED "), lines.get(0));
        assertTrue(lines.get(0).contains("to the main section of the executable jar's manifest"), lines.get(0));
    }

    /** Runs {@link #main} in a new JVM with the options; returns what it printed. */
    private static List<String> fork(String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeAccessTest.class.getName()));
        return run(arguments);
    }

    private static List<String> run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM hangs");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /**
     * Opens {@code xen:///} twice and prints a line per attempt: code, backend, detail, message.
     *
     * @param args none
     */
    public static void main(String[] args) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Hypervisor xen = Hypervisor.open(URI.create("xen:///"))) {
                System.out.println("opened " + xen.interfaceVersions());
            } catch (JxenException e) {
                System.out.println(e.code() + " " + e.backend().map(Enum::name).orElse("-") + " "
                        + e.detail().orElse("-") + " " + e.getMessage());
            }
        }
    }
}
