package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jxen on a test:///PATH.json host: 4096 pCPUs, and domains whose names look like ids. */
class HostFileTest {

    private static final String DOMAINS = """
            [{"id": 0, "name": "Domain-0", "uuid": "00000000-0000-0000-0000-000000000000", "vcpus_online": 8, "vcpus_max": 8},
             {"id": 3, "name": "42", "uuid": "6f1c3c2e-8a4b-4a57-9d1e-2b7f0c9e4a11", "vcpus_online": 2, "vcpus_max": 64},
             {"id": 42, "name": "web", "uuid": "0b9e5d6a-3f2c-4e8d-a1b7-5c4d3e2f1a09", "vcpus_online": 1, "vcpus_max": 2}]
            """;

    @TempDir
    Path dir;
    private String uri;

    @BeforeEach
    void writeHost() throws IOException {
        Path file = Files.writeString(dir.resolve("big.json"), "{\"cpus\": 4096, \"domains\": " + DOMAINS + "}");
        uri = "test://" + file;
    }

    @Test
    void listJsonGivesBackTheDomainsOfTheFile() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(DOMAINS), mapper.readTree(Cli.run("-c", uri, "list", "--json").out()));
    }

    @Test
    void nodeinfoAndPinningOnA4096CpuHost() {
        Cli.Result r = Cli.run("-c", uri, "nodeinfo --json; vcpupin 3 1 4000-4095,7; vcpupin 3 1; vcpuinfo 3 --pretty");
        assertEquals(0, r.status(), r.err());
        String[] parts = r.out().split("\n(?= VCPU   CPU Affinity)|\n(?=VCPU:  )", 3);
        assertEquals("{\n  \"cpus\": 4096,\n  \"max_cpu_id\": 4095,\n  \"xen_version\": \"4.17.0\",\n"
                + "  \"domctl_interface\": 21,\n  \"sysctl_interface\": 21\n}", parts[0]);
        assertEquals(" VCPU   CPU Affinity\n----------------------\n 1      7,4000-4095", parts[1]);
        assertEquals("""
                VCPU:           1
                CPU:            4000
                State:          blocked
                CPU time:       T
                CPU Affinity:   7,4000-4095 (out of 4096)
                """, Cli.withoutCpuTimes(parts[2]).split("\n\n")[1] + "\n");
    }

    @Test
    void vcpuinfoWithoutPrettyHasOneMarkPerHostCpu() {
        String affinity = Cli.run("-c", uri, "vcpuinfo web").out().lines()
                .filter(l -> l.startsWith("CPU Affinity:")).findFirst().orElseThrow();
        assertEquals("CPU Affinity:   " + "y".repeat(4096), affinity);
    }

    @Test
    void digitsAreAnIdFirstThenAName() {
        Cli.Result r = Cli.run("-c", uri, "vcpucount 42; vcpucount 3; vcpucount 0042");
        assertEquals("""
                maximum      live           2
                current      live           1
                maximum      live          64
                current      live           2
                maximum      live           2
                current      live           1
                """, r.out());
    }

    @Test
    void aNameThatIsDigitsIsFoundWhenNoDomainHasThatId() throws IOException {
        Path file = Files.writeString(dir.resolve("named.json"), "{\"cpus\": 4, \"domains\": ["
                + "{\"id\": 0, \"name\": \"Domain-0\", \"uuid\": \"00000000-0000-0000-0000-000000000000\", \"vcpus_online\": 1, \"vcpus_max\": 1},"
                + "{\"id\": 5, \"name\": \"42\", \"uuid\": \"6f1c3c2e-8a4b-4a57-9d1e-2b7f0c9e4a11\", \"vcpus_online\": 1, \"vcpus_max\": 3}]}");
        Cli.Result r = Cli.run("-c", "test://" + file, "vcpucount 42; vcpucount 6f1c3c2e-8a4b-4a57-9d1e-2b7f0c9e4a11");
        assertEquals("maximum      live           3\ncurrent      live           1\n".repeat(2), r.out());
    }
}
