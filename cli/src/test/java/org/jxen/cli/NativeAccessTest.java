package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jxen on the module path in a JVM that denies native access: {@code xen:///} is refused with one
 * line naming the module-path flag, exit status 1, and no JDK warning or stack trace.
 */
class NativeAccessTest {

    @Test
    void onTheModulePathTheErrorNamesTheModule() throws Exception {
        String modulePath = System.getProperty("jdk.module.path");
        assertTrue(modulePath != null && !modulePath.isEmpty(), "the tests run on the module path");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--illegal-native-access=deny", "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.jxen.cli/org.jxen.cli.Jxen", "-c", "xen:///", "nodeinfo"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM hangs");
        assertEquals(1, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("add --enable-native-access=org.jxen.hypercall to the java command"), out);
    }
}
