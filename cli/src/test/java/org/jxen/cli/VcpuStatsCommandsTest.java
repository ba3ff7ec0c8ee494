package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** vcpuinfo without a domain, domstats --vcpu and top, on test:///default (Domain-0 4/4 vCPUs, demo 2/4). */
class VcpuStatsCommandsTest {

    private static final Pattern TIME = Pattern.compile(" +\\d+\\.\\d +");
    /** A domain or vCPU row of top: the name, then the figure last. */
    private static final Pattern TOP_ROW = Pattern.compile("(?m)^(\\S.*?|  vCPU \\d+ .*?) +(\\d+\\.\\d|-)$");

    @Test
    void vcpuinfoWithoutADomainListsEveryVcpuAsXlVcpuList() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 1 2-5; vcpuinfo");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Name                                ID  VCPU   CPU State   Time(s) Affinity (Hard / Soft)
                Domain-0                             0     0     0   r-- T all / all
                Domain-0                             0     1     1   -b- T all / all
                Domain-0                             0     2     2   r-- T all / all
                Domain-0                             0     3     3   -b- T all / all
                demo                                 1     0     0   r-- T all / all
                demo                                 1     1     3   -b- T 2-5 / all
                demo                                 1     2     -   --p T all / all
                demo                                 1     3     -   --p T all / all
                """, TIME.matcher(r.out()).replaceAll(" T "));
    }

    @Test
    void vcpuinfoJsonWithoutADomainHasOneObjectPerVcpu() throws Exception {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpuinfo", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertEquals(8, all.size());
        JsonNode offline = all.get(6);
        assertEquals("demo", offline.get("domain").asText());
        assertEquals(1, offline.get("id").asInt());
        assertEquals(2, offline.get("vcpu").asInt());
        assertEquals("offline", offline.get("state").asText());
        assertEquals(-1, offline.get("cpu").asInt());
        assertEquals("0-15", offline.get("affinity").asText());
    }

    @Test
    void domstatsPrintsLibvirtsFieldNamesForEveryDomainOrThoseNamedInTheirOrder() {
        Cli.Result r = Cli.run("-c", "test:///default", "domstats", "--vcpu", "demo", "0");
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                Domain: 'demo'
                  vcpu.current=2
                  vcpu.maximum=4
                  vcpu.0.state=1
                  vcpu.0.time=N
                  vcpu.1.state=2
                  vcpu.1.time=N
                  vcpu.2.state=0
                  vcpu.2.time=0
                  vcpu.3.state=0
                  vcpu.3.time=0

                Domain: 'Domain-0'
                  vcpu.current=4
                  vcpu.maximum=4
                """, r.out().replaceAll("time=[1-9]\\d*", "time=N")
                // Domain-0's vCPU lines are demo's shape: its head is enough
                .replaceAll("(?s)(Domain: 'Domain-0'\n  vcpu.current=4\n  vcpu.maximum=4\n).*", "$1"));
        assertTrue(r.out().endsWith("\n\n"), "a blank line after each record");
        Cli.Result all = Cli.run("-c", "test:///default", "domstats");
        assertEquals(List.of("Domain: 'Domain-0'", "Domain: 'demo'"),
                all.out().lines().filter(l -> l.startsWith("Domain:")).toList());
    }

    @Test
    void domstatsJsonKeepsTheFieldNames() throws Exception {
        Cli.Result r = Cli.run("-c", "test:///default", "domstats --vcpu --json demo");
        assertEquals(0, r.status(), r.err());
        JsonNode demo = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("demo", demo.get("domain").asText());
        assertEquals("4dea22b3-1d52-d8f3-2516-782e98ab3fa0", demo.get("uuid").asText());
        assertEquals(2, demo.get("vcpu.current").asInt());
        assertEquals(4, demo.get("vcpu.maximum").asInt());
        assertEquals(2, demo.get("vcpu.1.state").asInt());
        assertTrue(demo.get("vcpu.0.time").asLong() > 0);
        assertEquals(0, demo.get("vcpu.3.time").asLong());
    }

    @Test
    void domstatsOfAnUnknownDomainPrintsNothingAndFails() {
        Cli.Result r = Cli.run("-c", "test:///default", "domstats", "demo", "nosuch");
        assertEquals(new Cli.Result(1, "", "error: no domain named 'nosuch'\n"), r);
    }

    @Test
    void topInBatchModeWritesPlainFramesWhoseFiguresFollowTheSimulatedLoad() {
        Cli.Result r = Cli.run("-c", "test:///default", "top", "--batch", "--iterations", "2", "--delay=1");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("\033"), "no screen control in batch mode");
        String[] frames = r.out().split("\n\n");
        assertEquals(2, frames.length, r.out());
        assertTrue(frames[0].startsWith("jxen top: 2 domains, 6 of 8 vCPUs online, every 1.0 s\n"), frames[0]);
        Map<String, String> first = figures(frames[0]);
        assertTrue(first.values().stream().allMatch("-"::equals), "no figure before an interval: " + first);
        Map<String, String> second = figures(frames[1]);
        // Every online vCPU of the default host runs at 100 % of a pCPU: Domain-0 has 4, demo 2.
        // 10 % of slack: a loaded machine may deschedule the reader between a domain's instant and its vCPUs.
        assertEquals(400, Double.parseDouble(second.get("Domain-0")), 40, frames[1]);
        assertEquals(200, Double.parseDouble(second.get("demo")), 20, frames[1]);
        assertEquals(100, Double.parseDouble(second.get("demo/vCPU 0")), 10, frames[1]);
        assertEquals("-", second.get("demo/vCPU 2"), "an offline vCPU has no figure");
    }

    /** Domain and vCPU rows of a frame: name (domain/vCPU n for vCPUs) to the CPU(%) column. */
    private static Map<String, String> figures(String frame) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        String domain = null;
        for (String line : frame.lines().skip(2).toList()) {
            Matcher m = TOP_ROW.matcher(line);
            assertTrue(m.matches(), line);
            if (line.startsWith("  vCPU ")) {
                rows.put(domain + "/" + line.strip().split(" ")[0] + " " + line.strip().split(" ")[1], m.group(2));
            } else {
                domain = line.split(" +")[0];
                rows.put(domain, m.group(2));
            }
        }
        return rows;
    }

    @Test
    void topQuitsOnQAndRedrawsTheScreen() {
        // Not a terminal, so no stty; the keys still come from standard input.
        long start = System.nanoTime();
        Cli.Result r = Cli.shell("q", "-c", "test:///default", "top", "--delay", "30");
        assertEquals(0, r.status(), r.err());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "q did not wait for the next frame");
        assertTrue(r.out().startsWith("\033[H\033[2Jjxen top: "), r.out());
        assertTrue(r.out().contains("(q quits)"), r.out());
        assertEquals(1, r.out().split("jxen top: ").length - 1, "one frame");
    }

    @Test
    void topGoesOnUntilItsIterationsWhenNoKeyIsPressed() {
        Cli.Result r = Cli.shell("x", "-c", "test:///default", "top", "--iterations", "2", "--delay", "0.1");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.out().split("\033\\[H\033\\[2J").length - 1, "two frames, each on a cleared screen");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "top --delay 0          | bad --delay S '0': a number from 0.1 to 86400.0 is needed",
        "top --delay abc        | bad --delay S 'abc'",
        "top --delay 1e3        | bad --delay S '1e3'",
        "top --delay NaN        | bad --delay S 'NaN'",
        "top --delay            | missing S after --delay",
        "top --iterations 0     | bad --iterations N '0': a whole number from 1 to 2147483647 is needed",
        "top --iterations -1    | bad --iterations N '-1'",
        "top --batch=yes        | --batch takes no value",
        "top demo               | unexpected argument 'demo'",
        "domstats --frob        | unknown option '--frob'"})
    void badOptionsAreUsageErrorsAndRunNothing(String line, String message) {
        Cli.Result r = Cli.run("-c", "test:///default", line);
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: " + message), r.err());
    }
}
