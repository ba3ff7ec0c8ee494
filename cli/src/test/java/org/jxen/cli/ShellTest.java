package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No command: jxen reads commands from standard input on one connection, and goes on after errors. */
class ShellTest {

    @Test
    void pipedCommandsRunOnOneConnectionWithoutPrompt() {
        Cli.Result r = Cli.shell("""
                setvcpus demo 3
                vcpucount demo; vcpupin demo 2 5

                vcpupin demo 2
                """);
        assertEquals(0, r.status());
        assertEquals("""
                maximum      live           4
                current      live           3
                 VCPU   CPU Affinity
                ----------------------
                 2      5
                """, r.out());
        assertEquals(Cli.NO_XEN_NOTE, r.err());
    }

    @Test
    void errorsArePrintedAndTheShellGoesOnWithTheFirstFailureAsStatus() {
        Cli.Result r = Cli.shell("""
                setvcpus demo 9
                frob
                vcpuinfo 'demo
                vcpucount demo
                """, "-c", "test:///default");
        assertEquals(1, r.status());
        assertEquals("""
                maximum      live           4
                current      live           2
                """, r.out());
        String[] lines = r.err().split("\n");
        assertEquals("error: vCPU count 9 out of range 1-4 for domain demo", lines[0]);
        assertEquals("error: unknown command 'frob'", lines[1]);
        assertTrue(r.err().contains("\nerror: unterminated ' quote in: vcpuinfo 'demo\n"), r.err());
    }

    @Test
    void quitAndExitEndTheShell() {
        for (String word : new String[] {"quit", "exit"}) {
            Cli.Result r = Cli.shell("vcpucount demo\n" + word + "\nlist\n", "-c", "test:///default");
            assertEquals(new Cli.Result(0, "maximum      live           4\ncurrent      live           2\n", ""), r);
        }
    }

    @Test
    void onATerminalItWelcomesAndPrompts() {
        Environment terminal = new Environment(Map.of(), Path.of("/nonexistent"), () -> true);
        Cli.Result r = Cli.run(terminal, "vcpucount demo\n", "-c", "test:///default");
        assertEquals("""
                Welcome to jxen. Type 'help' for the commands, 'quit' to leave.
                jxen# maximum      live           4
                current      live           2
                jxen#\s
                """, r.out());
    }

    @Test
    void aHostThatCannotBeOpenedEndsTheShellAtOnce() {
        Cli.Result r = Cli.shell("list\n", "-c", "test:///nothing");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("error: bad test URI 'test:///nothing': expected test:///default or test:///ABSOLUTE/PATH.json"
                + " (a host file)\n", r.err());
    }
}
