package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --json} on every command, read back with Jackson and compared with the default host as
 * SimulatedHost describes it: 16 pCPUs, Domain-0 (4 of 4 vCPUs) and demo (2 of 4).
 */
class JsonOutputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void vcpuinfo() throws Exception {
        JsonNode vcpus = json(Cli.run("vcpuinfo", "demo", "--json"));
        assertEquals(4, vcpus.size());
        List<Map<String, Object>> withoutTimes = new ArrayList<>();
        for (JsonNode v : vcpus) {
            assertEquals(List.of("vcpu", "state", "cpu", "cpu_time_ns", "affinity", "soft_affinity"), names(v));
            assertTrue(v.get("cpu_time_ns").isIntegralNumber() && v.get("cpu_time_ns").longValue() >= 0, v.toString());
            withoutTimes.add(Map.of("vcpu", v.get("vcpu").intValue(), "state", v.get("state").textValue(),
                    "cpu", v.get("cpu").intValue(), "affinity", v.get("affinity").textValue(),
                    "soft_affinity", v.get("soft_affinity").textValue()));
        }
        assertEquals(List.of(
                Map.of("vcpu", 0, "state", "running", "cpu", 0, "affinity", "0-15", "soft_affinity", "0-15"),
                Map.of("vcpu", 1, "state", "blocked", "cpu", 1, "affinity", "0-15", "soft_affinity", "0-15"),
                Map.of("vcpu", 2, "state", "offline", "cpu", -1, "affinity", "0-15", "soft_affinity", "0-15"),
                Map.of("vcpu", 3, "state", "offline", "cpu", -1, "affinity", "0-15", "soft_affinity", "0-15")),
                withoutTimes);
        assertEquals(0, vcpus.get(3).get("cpu_time_ns").longValue(), "never online");
    }

    @Test
    void vcpucount() throws Exception {
        assertEquals(MAPPER.readTree("{\"current\": 2, \"maximum\": 4}"), json(Cli.run("vcpucount", "demo", "--json")));
    }

    @Test
    void nodeinfo() throws Exception {
        // Xen 4.17's public headers: XEN_DOMCTL_INTERFACE_VERSION and XEN_SYSCTL_INTERFACE_VERSION 0x15.
        assertEquals(MAPPER.readTree("""
                {"cpus": 16, "max_cpu_id": 15, "xen_version": "4.17.0", "domctl_interface": 21, "sysctl_interface": 21}
                """),
                json(Cli.run("nodeinfo", "--json")));
    }

    @Test
    void list() throws Exception {
        assertEquals(MAPPER.readTree("""
                [{"id": 0, "name": "Domain-0", "uuid": "00000000-0000-0000-0000-000000000000",
                  "vcpus_online": 4, "vcpus_max": 4},
                 {"id": 1, "name": "demo", "uuid": "4dea22b3-1d52-d8f3-2516-782e98ab3fa0",
                  "vcpus_online": 2, "vcpus_max": 4}]
                """), json(Cli.run("list", "--json")));
    }

    @Test
    void vcpupinQueryGivesBothAffinities() throws Exception {
        assertEquals(MAPPER.readTree("""
                [{"vcpu": 1, "affinity": "0-15", "soft_affinity": "0-15"}]
                """), json(Cli.run("vcpupin", "demo", "1", "--json")));
    }

    @Test
    void settingCommandsPrintTheStateAfterwards() throws Exception {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 1 2-5 --json; setvcpus demo 3 --json");
        List<JsonNode> documents = documents(r.out());
        assertEquals(MAPPER.readTree("[{\"vcpu\": 1, \"affinity\": \"2-5\", \"soft_affinity\": \"0-15\"}]"),
                documents.get(0));
        assertEquals(MAPPER.readTree("{\"current\": 3, \"maximum\": 4}"), documents.get(1));
    }

    @Test
    void everyCommandOfASequenceIsOneDocument() throws Exception {
        Cli.Result r = Cli.run("-c", "test:///default", "list --json; nodeinfo --json; vcpucount 1 --json");
        assertEquals(3, documents(r.out()).size());
    }

    private static JsonNode json(Cli.Result r) throws Exception {
        assertEquals(0, r.status(), r.err());
        return MAPPER.readTree(r.out());
    }

    private static List<JsonNode> documents(String out) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(out)) {
            while (parser.nextToken() != null) {
                documents.add(MAPPER.readTree(parser));
            }
        }
        return documents;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
