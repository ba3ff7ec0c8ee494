package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Commands separated by ; run in order on one connection, like virsh. */
class SequenceTest {

    private static final String THREE_ONLINE = """
            maximum      live           4
            current      live           3
            """;

    @Test
    void aChangeIsSeenByTheNextCommandInEveryForm() {
        for (String[] args : new String[][] {
            {"setvcpus demo 3; vcpucount demo"},
            {"setvcpus", "demo", "3", ";", "vcpucount", "demo"},
            {"setvcpus", "demo", "3;", "vcpucount", "demo"},
            {"-c", "test:///default", "setvcpus demo 3 ; vcpucount demo"},
            {"--connect=test:///default", "setvcpus", "demo", "3", ";", "vcpucount", "demo"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(THREE_ONLINE, r.out(), String.join(" ", args));
        }
    }

    @Test
    void separateCallsAreSeparateHosts() {
        assertEquals(0, Cli.run("setvcpus", "demo", "3").status());
        assertTrue(Cli.run("vcpucount", "demo").out().contains("current      live           2"));
    }

    @Test
    void aFailedCommandDoesNotStopTheOthersAndItsStatusIsTheCalls() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpucount nosuch; setvcpus demo 9; setvcpus demo 1; vcpucount demo");
        assertEquals(1, r.status());
        assertEquals("""
                maximum      live           4
                current      live           1
                """, r.out());
        assertEquals("error: no domain named 'nosuch'\nerror: vCPU count 9 out of range 1-4 for domain demo\n", r.err());
    }

    @Test
    void aUsageErrorAnywhereRunsNothing() {
        Cli.Result r = Cli.run("-c", "test:///default", "setvcpus demo 3; vcpucount; vcpucount demo");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: missing DOMAIN\nUsage: jxen vcpucount "), r.err());
    }

    @Test
    void quitStopsTheSequence() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpucount demo; quit; list");
        assertEquals(new Cli.Result(0, """
                maximum      live           4
                current      live           2
                """, ""), r);
    }

    @Test
    void helpNeedsNoHost() {
        Cli.Result r = Cli.run("help", "vcpupin");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: jxen vcpupin DOMAIN [VCPU [CPUSET]] [--soft] [--json]\n"), r.out());
        assertEquals("", r.err(), "no connection, so no note about the default host");
    }

    @Test
    void connectOptionsAfterTheFirstCommandAreUsageErrors() {
        Cli.Result r = Cli.run("list; -c test:///default list");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: -c/--connect and --debug are options of the whole call: give them"
                + " before the first command (jxen -c URI COMMAND)\nUsage: jxen [-c URI]"), r.err());
    }
}
