package org.jxen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's main on test:///default, as its README shows it. */
class MainTest {

    @Test
    void mainTunesTheDefaultHost() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            VcpuAgent.main(new String[0]);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(List.of(
                "Domain-0 (0): 4 of 4 vCPUs online",
                "demo (1): 2 of 4 vCPUs online",
                "demo: pin vCPU 0 to pCPU 1: done",
                "demo: set 4 vCPUs online: done"), out.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
