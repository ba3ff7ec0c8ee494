package org.jxen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's closing summary (it/xen-lab/summarize) over a JUnit report as the console launcher
 * writes it in dom0: the totals, and each failed check with its message, so that CI's log says why
 * a check failed without the results directory.
 */
class LabSummaryTest {

    private static final Path SUMMARIZE = Path.of("../xen-lab/summarize");

    @Test
    void eachFailedCheckIsPrintedWithItsMessageUnescaped(@TempDir Path results) throws Exception {
        Files.createDirectories(results.resolve("junit"));
        Files.writeString(results.resolve("junit/TEST-junit-jupiter.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="JUnit Jupiter" tests="3" skipped="0" failures="1" errors="1" time="9.0">
                <testcase name="passes()" classname="org.jxen.it.A" time="1.0">
                </testcase>
                <testcase name="fails()" classname="org.jxen.it.A$Inner" time="2.0">
                <failure message="attempt 1: pCPU 3 in xl, jxen 1 ==&gt; expected: &lt;true&gt; but was: &lt;false&gt;&#10;&quot;x&quot; &amp; &apos;y&apos;" type="org.opentest4j.AssertionFailedError"><![CDATA[trace]]></failure>
                </testcase>
                <testcase name="breaks()" classname="org.jxen.it.B" time="3.0">
                <error type="java.lang.IllegalStateException"><![CDATA[trace]]></error>
                </testcase>
                </testsuite>
                """);
        Files.writeString(results.resolve("measurements.txt"), "a figure\n");
        assertEquals(List.of(
                "== jxen lab summary ==",
                "checks run in dom0: 3 (failures 1, errors 1, skipped 0)",
                "  failed: org.jxen.it.A$Inner fails(): attempt 1: pCPU 3 in xl, jxen 1 ==> expected: <true> but was: <false> \"x\" & 'y'",
                "  failed: org.jxen.it.B breaks()",
                "measured: a figure",
                "phases (s): boot 12.5 suite 300.0"), summarize(results, "boot", "12.5", "suite", "300.0"));
    }

    @Test
    void aLongMessageIsCutAt800Characters(@TempDir Path results) throws Exception {
        Files.createDirectories(results.resolve("junit"));
        String message = "m".repeat(900);
        Files.writeString(results.resolve("junit/TEST-junit-jupiter.xml"), """
                <testsuite name="JUnit Jupiter" tests="1" skipped="0" failures="1" errors="0" time="1.0">
                <testcase name="fails()" classname="org.jxen.it.A" time="1.0">
                <failure message="%s" type="org.opentest4j.AssertionFailedError"></failure>
                </testcase>
                </testsuite>
                """.formatted(message));
        assertEquals("  failed: org.jxen.it.A fails(): " + "m".repeat(800) + "...", summarize(results).get(2));
    }

    private static List<String> summarize(Path results, String... phases) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SUMMARIZE.toString(), results.toString(), "/dev/null"));
        command.addAll(List.of(phases));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("summarize did not end");
        }
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
