package org.jxen.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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

    /** Runs {@link #main} in a new JVM with the options; returns what it printed. */
    private static List<String> fork(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeAccessTest.class.getName()));
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
