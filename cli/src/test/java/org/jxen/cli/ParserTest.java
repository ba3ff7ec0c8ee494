package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser on its own: what a call or a line becomes, and what it refuses (without a host). */
class ParserTest {

    private static Command only(String... args) {
        Call call = Parser.call(List.of(args));
        assertEquals(1, call.commands().size(), call.toString());
        return call.commands().getFirst();
    }

    private static UsageException refused(String... args) {
        return assertThrows(UsageException.class, () -> Parser.call(List.of(args)));
    }

    @Test
    void everyCommandWithItsArguments() {
        assertEquals(new ListCommand(false), only("list"));
        assertEquals(new ListCommand(true), only("list", "--json"));
        assertEquals(new NodeinfoCommand(true), only("nodeinfo", "--json"));
        assertEquals(new VcpuinfoCommand("demo", false, false), only("vcpuinfo", "demo"));
        assertEquals(new VcpuinfoCommand("demo", true, true), only("vcpuinfo", "--json", "demo", "--pretty"));
        assertEquals(new VcpupinCommand("demo", null, null, false, false), only("vcpupin", "demo"));
        assertEquals(new VcpupinCommand("demo", 1, null, true, false), only("vcpupin", "demo", "1", "--soft"));
        assertEquals(new VcpupinCommand("7", 1, "2-5,^3", false, true), only("vcpupin", "7", "1", "2-5,^3", "--json"));
        assertEquals(new SetvcpusCommand("demo", 3, false), only("setvcpus", "demo", "3"));
        assertEquals(new SetvcpusCommand("demo", 3, true), only("setvcpus", "demo", "+3", "--json"));
        assertEquals(new VcpucountCommand("demo", false), only("vcpucount", "demo"));
        assertEquals(new QuitCommand(), only("quit"));
        assertEquals(new QuitCommand(), only("exit"));
    }

    @Test
    void negativeNumbersAreArgumentsForTheHostToRefuse() {
        assertEquals(new VcpupinCommand("demo", -1, "1", false, false), only("vcpupin", "demo", "-1", "1"));
        assertEquals(new SetvcpusCommand("demo", -2, false), only("setvcpus", "demo", "-2"));
    }

    @Test
    void afterDoubleDashEveryWordIsAnArgument() {
        assertEquals(new VcpuinfoCommand("--pretty", false, true), only("vcpuinfo", "--json", "--", "--pretty"));
        assertEquals(new VcpucountCommand("-", false), only("vcpucount", "-"));
    }

    @Test
    void callOptionsComeBeforeTheFirstCommand() {
        Call call = Parser.call(List.of("--debug", "-c", "test:///default", "list; vcpucount demo"));
        assertEquals(new Call(Optional.of(URI.create("test:///default")), true,
                List.of(new ListCommand(false), new VcpucountCommand("demo", false))), call);
        assertEquals(Optional.of(URI.create("xen:///")), Parser.call(List.of("--connect=xen:///", "list")).connect());
        assertEquals(Optional.of(URI.create("xen:///")), Parser.call(List.of("--connect", "xen:///")).connect());
        assertEquals(new Call(Optional.empty(), false, List.of()), Parser.call(List.of()));
    }

    @Test
    void quotingAndSemicolonsAreWords() {
        assertEquals(List.of(new VcpuinfoCommand("my dom", false, false), new SetvcpusCommand("a;b", 2, false)),
                Parser.call(List.of("vcpuinfo 'my dom'; setvcpus \"a;b\" 2 # two")).commands());
        assertEquals(List.of(new ListCommand(false), new ListCommand(true)),
                Parser.call(List.of("list;", "list", "--json")).commands());
        assertEquals(List.of(new ListCommand(false), new QuitCommand()), Parser.line("list; quit"));
        assertTrue(refused("vcpuinfo 'demo").getMessage().contains("'demo"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vcpucount                 | DOMAIN    | Usage: jxen vcpucount DOMAIN",
        "setvcpus demo             | COUNT     | Usage: jxen setvcpus DOMAIN COUNT",
        "vcpuinfo demo extra       | 'extra'   | Usage: jxen vcpuinfo",
        "vcpupin demo 1 2 3        | '3'       | Usage: jxen vcpupin",
        "list demo                 | 'demo'    | Usage: jxen list",
        "setvcpus demo x           | 'x'       | Usage: jxen setvcpus",
        "vcpupin demo 1.5          | '1.5'     | Usage: jxen vcpupin",
        "setvcpus demo 99999999999 | 2147483647 | Usage: jxen setvcpus",
        "vcpucount demo --frob     | '--frob'  | Usage: jxen vcpucount",
        "vcpuinfo demo --soft      | '--soft'  | Usage: jxen vcpuinfo",
        "frob                      | 'frob'    | Usage: jxen [-c URI]",
        "help frob                 | 'frob'    | Usage: jxen [-c URI]",
        "--frob list               | '--frob'  | Usage: jxen [-c URI]",
        "list; vcpucount           | DOMAIN    | Usage: jxen vcpucount"})
    void aBadCommandNamesTheValueAndComesWithItsUsage(String line, String named, String usage) {
        UsageException e = refused(line);
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.usage().startsWith(usage), e.usage());
    }

    @Test
    void aBadNumberNamesTheParameterAndTheValue() {
        assertEquals("bad COUNT 'x': not an integer", refused("setvcpus", "demo", "x").getMessage());
        assertEquals("bad VCPU '99999999999': out of range -2147483648 to 2147483647",
                refused("vcpupin", "demo", "99999999999").getMessage());
    }

    @Test
    void callOptionsAnywhereElseAreRefused() {
        for (String line : List.of("list; -c test:///default list", "list --debug", "vcpuinfo demo --connect=x")) {
            assertTrue(refused(line).getMessage().contains("before the first command"), line);
        }
        assertThrows(UsageException.class, () -> Parser.line("-c test:///default list"));
        assertTrue(refused("-c").getMessage().contains("URI"));
        assertTrue(refused("-c", "a b", "list").getMessage().contains("'a b'"));
    }

    @Test
    void helpAndVersionNeedNoCommand() {
        String root = Usage.root();
        assertEquals(new HelpCommand(root), only("--help"));
        assertEquals(new HelpCommand(root), only("-c", "xen:///", "-h", "list"));
        assertEquals(new HelpCommand(root), only("help"));
        assertEquals(new VersionCommand(), only("--version"));
        assertEquals(new VersionCommand(), only("-V"));
        String vcpupin = Usage.of(VcpupinCommand.SYNTAX);
        assertEquals(new HelpCommand(vcpupin), only("help", "vcpupin"));
        assertEquals(new HelpCommand(vcpupin), only("vcpupin", "--help"));
        assertEquals(new HelpCommand(vcpupin), only("vcpupin", "-h"));
        assertEquals(new HelpCommand(Usage.of(QuitCommand.SYNTAX)), only("help", "exit"));
    }

    @Test
    void theWholeHelpListsEveryCommandWithItsArguments() {
        String root = Usage.root();
        for (String line : List.of("  list\n", "  vcpuinfo [DOMAIN] [--pretty]\n",
                "  domstats [DOMAIN...] [--vcpu]\n", "  top [--delay S] [--iterations N] [--batch]\n", "  vcpupin DOMAIN [VCPU [CPUSET]] [--soft]\n",
                "  setvcpus DOMAIN COUNT\n", "  vcpucount DOMAIN\n", "  nodeinfo\n", "  help [COMMAND]\n", "  quit, exit\n")) {
            assertTrue(root.contains(line), line + " in\n" + root);
        }
        String setvcpus = Usage.of(SetvcpusCommand.SYNTAX);
        assertTrue(setvcpus.startsWith("Usage: jxen setvcpus DOMAIN COUNT [--json]\n"), setvcpus);
        for (String row : List.of("  DOMAIN ", "  COUNT ", "  --json ", "  -h, --help ")) {
            assertTrue(setvcpus.contains(row), row + " in\n" + setvcpus);
        }
    }
}
