package org.jxen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.jxen.CpuMap;

/** The parsers of xl's output, on text captured from Xen 4.17 in the lab (runs in the normal build). */
class XlParseTest {

    @Test
    void vcpuListWithOfflineVcpusAndPins() {
        List<Xl.Vcpu> vcpus = Xl.parseVcpuList("""
                Name                                ID  VCPU   CPU State   Time(s) Affinity (Hard / Soft)
                Domain-0                             0     0    0   -b-       7.1  all / all
                jxen-it-1a2b                         3     1    2   r--       0.4  2-3 / all
                jxen-it-1a2b                         3     3    -   --p       0.0  all / 1,3
                """);
        assertEquals(3, vcpus.size());
        assertEquals(new Xl.Vcpu("Domain-0", 0, 0, 0, "-b-", 7.1, "all", "all"), vcpus.get(0));
        assertEquals(new Xl.Vcpu("jxen-it-1a2b", 3, 1, 2, "r--", 0.4, "2-3", "all"), vcpus.get(1));
        assertTrue(vcpus.get(1).online());
        assertEquals(new Xl.Vcpu("jxen-it-1a2b", 3, 3, -1, "--p", 0.0, "all", "1,3"), vcpus.get(2));
        assertFalse(vcpus.get(2).online());
    }

    @Test
    void vcpuListOfEveryDomainKeepsEachRowsDomain() {
        // xl vcpu-list with no argument: Domain-0's vCPUs, then each guest's, in domain id order.
        List<Xl.Vcpu> vcpus = Xl.parseVcpuList("""
                Name                                ID  VCPU   CPU State   Time(s) Affinity (Hard / Soft)
                Domain-0                             0     0    1   r--     151.0  all / all
                Domain-0                             0     1    3   -b-     148.2  all / all
                jxen-it-00c0ffee                     5     0    0   r--      98.6  all / all
                jxen-it-00c0ffee                     5     1    2   -b-       1.3  all / all
                jxen-it-00c0ffee                     5     2    -   --p       0.4  all / all
                jxen-it-00c0ffee                     5     3    -   --p       0.3  all / all
                jxen-it-deadbeef                     6     0    3   -b-       0.9  0-1 / all
                jxen-it-deadbeef                     6     1    2   -b-       0.8  all / 2
                """);
        assertEquals(8, vcpus.size());
        assertEquals(List.of(0, 0, 5, 5, 5, 5, 6, 6), vcpus.stream().map(Xl.Vcpu::domid).toList());
        assertEquals(new Xl.Vcpu("jxen-it-00c0ffee", 5, 0, 0, "r--", 98.6, "all", "all"), vcpus.get(2));
        assertEquals(List.of(true, true, true, true, false, false, true, true),
                vcpus.stream().map(Xl.Vcpu::online).toList());
        assertEquals(new Xl.Vcpu("jxen-it-deadbeef", 6, 1, 2, "-b-", 0.8, "all", "2"), vcpus.get(7));
    }

    @Test
    void listVerbose() {
        // xl separates some of the header's columns with tabs.
        List<Xl.ListedDomain> domains = Xl.parseList("""
                Name                                        ID   Mem VCPUs\tState\tTime(s)   UUID                            Reason-Code\tSecurity Label
                Domain-0                                     0  1536     2     r-----      12.4 00000000-0000-0000-0000-000000000000        -                -
                jxen-it-1a2b                                 3   128     2     -b----       0.9 5b0c8a84-4b2b-4d0e-9a55-3f1b7c2d9e01        -                -
                """);
        assertEquals(List.of(
                new Xl.ListedDomain("Domain-0", 0, 2, new UUID(0, 0)),
                new Xl.ListedDomain("jxen-it-1a2b", 3, 2, UUID.fromString("5b0c8a84-4b2b-4d0e-9a55-3f1b7c2d9e01"))),
                domains);
    }

    @Test
    void info() {
        var info = Xl.parseInfo("""
                nr_cpus                : 4
                max_cpu_id             : 3
                xen_version            : 4.17.5
                xen_commandline        : console=com1 com1=115200,8n1 dom0_max_vcpus=2
                """);
        assertEquals("4", info.get("nr_cpus"));
        assertEquals("4.17.5", info.get("xen_version"));
        assertEquals("console=com1 com1=115200,8n1 dom0_max_vcpus=2", info.get("xen_commandline"));
    }

    @Test
    void affinityAllMeansEveryPresentCpu() {
        assertEquals(CpuMap.range(0, 3), Xl.affinity("all", 4));
        assertEquals(CpuMap.ofCpus(1, 2, 3), Xl.affinity("1-3", 4));
    }

    @Test
    void cliJsonObjects() {
        var objects = Json.objects("""
                [ {"vcpu": 0, "state": "running", "cpu": 2, "cpu_time_ns": 1234, "affinity": "0-15", "soft_affinity": "0-15"},
                  {"vcpu": 3, "state": "offline", "cpu": -1, "affinity": "1,3", "note": "a \\"quoted\\" word"} ]
                """);
        assertEquals(2, objects.size());
        assertEquals("2", objects.get(0).get("cpu"));
        assertEquals("0-15", objects.get(0).get("affinity"));
        assertEquals("-1", objects.get(1).get("cpu"));
        assertEquals("offline", objects.get(1).get("state"));
        assertEquals("a \\\"quoted\\\" word", objects.get(1).get("note"), "escapes are kept");
    }
}
