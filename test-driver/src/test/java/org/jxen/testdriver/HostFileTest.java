package org.jxen.testdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.testing.Guest;
import org.jxen.testing.SimulatedXen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Host files: what a good one builds, and the one-line message for every way one can be wrong. */
class HostFileTest {

    private static final String DOM0 = "{'id': 0, 'name': 'Domain-0', 'uuid': '00000000-0000-0000-0000-000000000000',"
            + " 'vcpus_max': 2, 'vcpus_online': 2}";
    private static final String DEMO = "{'id': 1, 'name': 'demo', 'uuid': '4dea22b3-1d52-d8f3-2516-782e98ab3fa0',"
            + " 'vcpus_max': 4, 'vcpus_online': 2}";

    @TempDir
    Path dir;

    @Test
    void goodFileBuildsTheHostItDescribes() throws IOException {
        try (SimulatedXen xen = HostFile.read(write("{'xen_version': '4.22.0-rc', 'cpus': 64, 'online_cpus': 60,"
                + " 'domains': [" + DOM0 + ", " + DEMO + "]}")).build();
             Hypervisor h = xen.connect()) {
            NodeInfo node = h.nodeInfo();
            assertEquals(List.of("4.22.0-rc", 60, 63), List.of(node.xenVersion(), node.cpus(), node.maxCpuId()));
            Guest demo = xen.guest("demo");
            assertEquals(List.of(1, UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), 4, 2),
                    List.of(demo.id(), demo.uuid(), demo.maxVcpus(), demo.onlineVcpus()));
        }
    }

    @Test
    void optionalFieldsDefaultToXen417WithEveryCpuOnline() throws IOException {
        try (SimulatedXen xen = HostFile.read(write("{'cpus': 8, 'domains': [" + DOM0 + "]}")).build();
             Hypervisor h = xen.connect()) {
            NodeInfo node = h.nodeInfo();
            assertEquals(List.of("4.17.0", 8, 7), List.of(node.xenVersion(), node.cpus(), node.maxCpuId()));
        }
    }

    static Stream<Arguments> badFiles() {
        String domains = "'domains': [" + DOM0 + ", " + DEMO + "]";
        return Stream.of(
                Arguments.of("", "it is empty; expected a JSON object with cpus and domains"),
                Arguments.of("[]", "the top level must be a JSON object, not []"),
                Arguments.of("{'cpu': 4, " + domains + "}",
                        "the top level has an unknown field 'cpu'; the fields are cpus, domains, online_cpus, xen_version"),
                Arguments.of("{" + domains + "}", "cpus is missing; it must be an integer 1-65536"),
                Arguments.of("{'cpus': 0, " + domains + "}", "cpus is 0; it must be an integer 1-65536"),
                Arguments.of("{'cpus': 65537, " + domains + "}", "cpus is 65537; it must be an integer 1-65536"),
                Arguments.of("{'cpus': '16', " + domains + "}", "cpus is \"16\"; it must be an integer 1-65536"),
                Arguments.of("{'cpus': 16.5, " + domains + "}", "cpus is 16.5; it must be an integer 1-65536"),
                Arguments.of("{'cpus': 99999999999, " + domains + "}", "cpus is 99999999999; it must be an integer 1-65536"),
                Arguments.of("{'cpus': 16, 'online_cpus': 17, " + domains + "}",
                        "online_cpus is 17; it must be an integer 1-16 (at most cpus)"),
                Arguments.of("{'xen_version': 4.17, 'cpus': 16, " + domains + "}",
                        "xen_version is 4.17; it must be a string such as \"4.17.0\": major.minor, then at most 15"
                                + " characters of extra version"),
                Arguments.of("{'xen_version': '4', 'cpus': 16, " + domains + "}",
                        "xen_version is \"4\"; it must be a string such as \"4.17.0\": major.minor, then at most 15"
                                + " characters of extra version"),
                Arguments.of("{'cpus': 16}", "domains is missing; it must be an array of domains"),
                Arguments.of("{'cpus': 16, 'domains': {}}", "domains is {}; it must be an array of domains"),
                Arguments.of("{'cpus': 16, 'domains': []}",
                        "no domain has id 0: a Xen host always runs Domain-0, so the file must list it"),
                Arguments.of("{'cpus': 16, 'domains': [" + DEMO + "]}",
                        "no domain has id 0: a Xen host always runs Domain-0, so the file must list it"),
                Arguments.of("{'cpus': 16, 'domains': [" + DOM0 + ", 1]}", "domains[1] must be a JSON object, not 1"),
                Arguments.of("{'cpus': 16, 'domains': [" + DOM0 + ", " + DEMO.replace("'vcpus_max'", "'vcpus'") + "]}",
                        "domains[1] has an unknown field 'vcpus'; the fields are id, name, uuid, vcpus_max, vcpus_online"),
                Arguments.of(host(DEMO.replace("'id': 1", "'id': -1")), "domains[1].id is -1; it must be an integer 0-32751"),
                Arguments.of(host(DEMO.replace("'id': 1", "'id': 32752")),
                        "domains[1].id is 32752; it must be an integer 0-32751"),
                Arguments.of(host(DEMO.replace("'id': 1, ", "")), "domains[1].id is missing; it must be an integer 0-32751"),
                Arguments.of(host(DEMO.replace("'demo'", "' '")), "domains[1].name is \" \"; it must be a string that is not blank"),
                Arguments.of(host(DEMO.replace("'demo'", "7")), "domains[1].name is 7; it must be a string that is not blank"),
                Arguments.of(host(DEMO.replace("'name': 'demo', ", "")),
                        "domains[1].name is missing; it must be a string that is not blank"),
                Arguments.of(host(DEMO.replace("4dea22b3-1d52-d8f3-2516-782e98ab3fa0", "4dea22b3-1d52-d8f3-2516-782e98ab3fa")),
                        "domains[1].uuid is \"4dea22b3-1d52-d8f3-2516-782e98ab3fa\"; it must be a UUID string such as"
                                + " \"4dea22b3-1d52-d8f3-2516-782e98ab3fa0\""),
                Arguments.of(host(DEMO.replace("4dea22b3-1d52-d8f3-2516-782e98ab3fa0", "1-1-1-1-1")),
                        "domains[1].uuid is \"1-1-1-1-1\"; it must be a UUID string such as"
                                + " \"4dea22b3-1d52-d8f3-2516-782e98ab3fa0\""),
                Arguments.of(host(DEMO.replace("'vcpus_max': 4", "'vcpus_max': 0")),
                        "domains[1].vcpus_max is 0; it must be an integer 1-4096"),
                Arguments.of(host(DEMO.replace("'vcpus_max': 4", "'vcpus_max': 4097")),
                        "domains[1].vcpus_max is 4097; it must be an integer 1-4096"),
                Arguments.of(host(DEMO.replace("'vcpus_online': 2", "'vcpus_online': 5")),
                        "domains[1].vcpus_online is 5; it must be an integer 1-4 (at most vcpus_max)"),
                Arguments.of(host(DEMO.replace("'vcpus_online': 2", "'vcpus_online': 0")),
                        "domains[1].vcpus_online is 0; it must be an integer 1-4 (at most vcpus_max)"),
                Arguments.of(host(DEMO.replace("'id': 1", "'id': 0")),
                        "domains[1].id 0 is taken by domains[0]; each domain needs its own"),
                Arguments.of(host(DEMO.replace("'demo'", "'Domain-0'")),
                        "domains[1].name 'Domain-0' is taken by domains[0]; each domain needs its own"),
                Arguments.of(host(DEMO.replace("4dea22b3-1d52-d8f3-2516-782e98ab3fa0", "00000000-0000-0000-0000-000000000000")),
                        "domains[1].uuid 00000000-0000-0000-0000-000000000000 is taken by domains[0]; each domain needs its own"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileIsOneLineNamingFileFieldAndRange(String json, String problem) throws IOException {
        Path file = write(json);
        assertRejected(file, HostFile.describe(file) + ": " + problem);
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        Path file = write("{\n  'cpus': 16,\n  'domains': [\n");
        assertRejected(file, HostFile.describe(file) + ": bad JSON at line 4, column 1: Unexpected end-of-input: expected"
                + " close marker for Array (start marker at line 3, column 14)");
    }

    @Test
    void duplicateKeysAndTrailingJunkAreBadJson() throws IOException {
        Path twice = write("{'cpus': 16, 'cpus': 17, 'domains': [" + DOM0 + "]}");
        assertTrue(rejected(twice).getMessage().contains("bad JSON at line 1") && rejected(twice).getMessage().contains("cpus"));
        Path trailing = write("{'cpus': 16, 'domains': [" + DOM0 + "]} {}");
        assertTrue(rejected(trailing).getMessage().startsWith(HostFile.describe(trailing) + ": bad JSON at line 1"));
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        Path missing = dir.resolve("absent.json");
        assertRejected(missing, HostFile.describe(missing) + ": no such file");
        Path directory = Files.createDirectory(dir.resolve("hosts.json"));
        assertRejected(directory, HostFile.describe(directory) + ": it is a directory, not a JSON file");
    }

    @Test
    void xenReleaseTheFakesDoNotSimulate() throws IOException {
        Path file = write("{'xen_version': '4.2.0', 'cpus': 16, 'domains': [" + DOM0 + "]}");
        String message = rejected(file).getMessage();
        assertTrue(message.startsWith(HostFile.describe(file) + ": ") && message.contains("4.17") && message.endsWith("4.2"),
                message);
    }

    @Test
    void aHostOverTheBudgetIsRefusedQuicklyNamingTheBudget() throws IOException {
        // Defect 9: 100 domains of 4096 vCPUs on 65536 pCPUs, an 11.6 KB file, ran the JVM out of memory.
        StringBuilder domains = new StringBuilder();
        for (int id = 0; id < 100; id++) {
            domains.append(id == 0 ? "" : ", ").append("{'id': ").append(id).append(", 'name': 'd").append(id)
                    .append("', 'uuid': '").append(new UUID(0, id)).append("', 'vcpus_max': 4096, 'vcpus_online': 1}");
        }
        Path file = write("{'cpus': 65536, 'domains': [" + domains + "]}");
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(file)).getMessage();
        assertTrue(message.startsWith(HostFile.describe(file) + ": ") && message.contains("409600 vCPUs")
                && message.contains("at most " + SimulatedXen.MAX_HOST_VCPUS), message);
    }

    private static String host(String secondDomain) {
        return "{'cpus': 16, 'domains': [" + DOM0 + ", " + secondDomain + "]}";
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("host.json"), json.replace('\'', '"'));
    }

    private static JxenException rejected(Path file) {
        JxenException e = assertThrows(JxenException.class, () -> Hypervisor.open(URI.create("test://" + file)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        return e;
    }

    private static void assertRejected(Path file, String message) {
        assertEquals(message, rejected(file).getMessage());
    }
}
