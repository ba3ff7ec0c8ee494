package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One error line naming the problem and the range, exit 1; usage errors exit 2 with the command's usage. */
class ErrorTest {

    private static final String DEMO_UNCHANGED = "vcpupin demo; vcpucount demo";
    private static final String UNCHANGED_OUT = """
             VCPU   CPU Affinity
            ----------------------
             0      0-15
             1      0-15
             2      0-15
             3      0-15
            maximum      live           4
            current      live           2
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vcpupin demo 9 1        | vCPU 9 out of range 0-3 for domain demo",
        "vcpupin demo -1 1       | vCPU -1 out of range 0-3 for domain demo",
        "vcpupin demo 1 20       | bad cpuset '20': CPU 20 is beyond the host's CPUs 0-15",
        "vcpupin demo 1 3-1      | bad cpuset '3-1': range '3-1' runs backwards: 3 is greater than 1",
        "vcpupin demo 1 ^0 --soft | bad cpuset '^0': it selects no CPU",
        "setvcpus demo 5         | vCPU count 5 out of range 1-4 for domain demo",
        "setvcpus demo 0         | vCPU count 0 out of range 1-4 for domain demo",
        "setvcpus nosuch 2       | no domain named 'nosuch'"})
    void aRejectedChangeIsOneLineExit1AndChangesNothing(String command, String message) {
        Cli.Result r = Cli.run("-c", "test:///default", command + "; " + DEMO_UNCHANGED);
        assertEquals(new Cli.Result(1, UNCHANGED_OUT, "error: " + message + "\n"), r);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vcpupin demo 9     | vCPU 9 out of range 0-3 for domain demo",
        "vcpuinfo nosuch    | no domain named 'nosuch'",
        "vcpuinfo 7         | no domain with id or name '7'",
        "vcpucount 4dea22b3-1d52-d8f3-2516-782e98ab3fa1 | no domain with UUID or name '4dea22b3-1d52-d8f3-2516-782e98ab3fa1'"})
    void aRejectedQueryIsOneLineExit1(String command, String message) {
        assertEquals(new Cli.Result(1, "", "error: " + message + "\n"), Cli.run("-c", "test:///default", command));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vcpucount               | missing DOMAIN                    | jxen vcpucount ",
        "vcpuinfo demo extra     | unexpected argument 'extra'       | jxen vcpuinfo ",
        "setvcpus demo x         | bad COUNT 'x': not an integer     | jxen setvcpus ",
        "vcpupin demo x 1        | bad VCPU 'x': not an integer      | jxen vcpupin ",
        "vcpucount demo --frob   | unknown option '--frob'           | jxen vcpucount ",
        "frob                    | unknown command 'frob'            | jxen [-c URI]",
        "help frob               | unknown command 'frob'            | jxen [-c URI]"})
    void usageErrorsExit2WithTheCommandsUsageAndRunNothing(String command, String message, String usage) {
        Cli.Result r = Cli.run("-c", "test:///default", command);
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: " + message + "\nUsage: " + usage), r.err());
    }

    @Test
    void aBadUriIsExit1AndABadlyFormedOneAUsageError() {
        assertEquals(new Cli.Result(1, "", "error: unsupported URI 'foo:///x': jxen opens test:///ABSOLUTE/PATH.json,"
                + " test:///default, xen:///\n"), Cli.run("-c", "foo:///x", "list"));
        Cli.Result r = Cli.run("-c", "a b", "list");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: bad URI 'a b': "), r.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result plain = Cli.run("-c", "test:///default", "setvcpus demo 9");
        assertEquals(1, plain.err().lines().count());
        Cli.Result debug = Cli.run("--debug", "-c", "test:///default", "setvcpus demo 9");
        assertTrue(debug.err().startsWith("error: vCPU count 9 out of range 1-4 for domain demo\norg.jxen.JxenException: "),
                debug.err());
        assertTrue(debug.err().lines().anyMatch(l -> l.startsWith("\tat ")), debug.err());
    }
}
