package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without -c: JXEN_DEFAULT_URI, else xen:/// where privcmd exists, else test:///default, saying which. */
class DefaultUriTest {

    @TempDir
    Path dir;

    @Test
    void withoutXenItSaysItUsesTheSimulatedHost() {
        Cli.Result r = Cli.run("vcpucount", "demo");
        assertEquals(0, r.status());
        assertEquals("jxen: no Xen here (/nonexistent/dev/xen/privcmd missing), using test:///default\n", r.err());
    }

    @Test
    void withPrivcmdItChoosesXen() throws IOException {
        // Not a real device: only the choice is checked, not what xen:/// then finds on this machine.
        Path privcmd = Files.createFile(dir.resolve("privcmd"));
        Cli.Result r = Cli.run(new Environment(Map.of(), privcmd, () -> false), "", "nodeinfo");
        assertEquals("jxen: " + privcmd + " found, using xen:///", r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void theVariableWinsAndNeedsNoNote() {
        Environment env = new Environment(Map.of(Environment.DEFAULT_URI_VARIABLE, "test:///default"), Cli.NO_PRIVCMD,
                () -> false);
        assertEquals(new Cli.Result(0, "maximum      live           4\ncurrent      live           2\n", ""),
                Cli.run(env, "", "vcpucount", "demo"));
    }

    @Test
    void connectWinsOverTheVariable() {
        Environment env = new Environment(Map.of(Environment.DEFAULT_URI_VARIABLE, "test:///nothing"), Cli.NO_PRIVCMD,
                () -> false);
        assertEquals(0, Cli.run(env, "", "-c", "test:///default", "list").status());
        assertEquals(new Cli.Result(1, "", "error: bad test URI 'test:///nothing': expected test:///default or"
                + " test:///ABSOLUTE/PATH.json (a host file)\n"), Cli.run(env, "", "list"));
    }

    @Test
    void aVariableThatIsNoUriIsAnError() {
        Environment env = new Environment(Map.of(Environment.DEFAULT_URI_VARIABLE, "a b"), Cli.NO_PRIVCMD, () -> false);
        Cli.Result r = Cli.run(env, "", "list");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: JXEN_DEFAULT_URI is not a URI: Illegal character in path at index 1: a b"),
                r.err());
    }
}
