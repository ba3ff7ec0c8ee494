package org.jxen.hypercall.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.PaddingLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every release's table against the layouts gcc and gdb printed from Xen's headers
 * ({@code xen/include/public/domctl.h}, {@code sysctl.h}) at each release tag, written "offset:size
 * name", and the interface versions of those headers; docs/xen-abi.md gives each with its tag and line.
 */
class LayoutsByReleaseTest {

    // struct xen_domctl_getdomaininfo, releases 4.16.0 ... 4.22.0 (domctl.h, RELEASE-4.16.0 line 113).
    private static final String GETDOMAININFO_4_16_TO_4_22 = "112: 0:2 domain; 2:2 pad1; 4:4 flags; 8:8 tot_pages;"
            + " 16:8 max_pages; 24:8 outstanding_pages; 32:8 shr_pages; 40:8 paged_pages; 48:8 shared_info_frame;"
            + " 56:8 cpu_time; 64:4 nr_online_vcpus; 68:4 max_vcpu_id; 72:4 ssidref; 76:16 handle; 92:4 cpupool;"
            + " 96:1 gpaddr_bits; 97:7 pad2[7]; 104:8 arch_config (xen_arch_domainconfig)";
    // struct xen_domctl_getvcpuinfo, all releases 3.0.3 ... 4.22.0.
    private static final String GETVCPUINFO = "24: 0:4 vcpu; 4:1 online; 5:1 blocked; 6:1 running; 8:8 cpu_time;"
            + " 16:4 cpu";
    // struct xen_domctl_vcpuaffinity, releases 4.5.0 ... 4.22.0.
    private static final String VCPUAFFINITY = "40: 0:4 vcpu; 4:4 flags; 8:16 cpumap_hard (xenctl_bitmap);"
            + " 24:16 cpumap_soft (xenctl_bitmap)";
    // struct xen_sysctl_physinfo, releases 4.10.0 ... 4.16.0.
    private static final String PHYSINFO_4_16 = "104: 0:4 threads_per_core; 4:4 cores_per_socket; 8:4 nr_cpus;"
            + " 12:4 max_cpu_id; 16:4 nr_nodes; 20:4 max_node_id; 24:4 cpu_khz; 28:4 capabilities; 32:8 total_pages;"
            + " 40:8 free_pages; 48:8 scrub_pages; 56:8 outstanding_pages; 64:8 max_mfn; 72:32 hw_cap[8]";
    // struct xen_sysctl_physinfo, releases 4.17.0 ... 4.22.0.
    private static final String PHYSINFO_4_17_TO_4_22 = "112: 0:4 threads_per_core; 4:4 cores_per_socket;"
            + " 8:4 nr_cpus; 12:4 max_cpu_id; 16:4 nr_nodes; 20:4 max_node_id; 24:4 cpu_khz; 28:4 capabilities;"
            + " 32:4 arch_capabilities; 36:4 pad; 40:8 total_pages; 48:8 free_pages; 56:8 scrub_pages;"
            + " 64:8 outstanding_pages; 72:8 max_mfn; 80:32 hw_cap[8]";
    // struct xen_sysctl_getdomaininfolist, all releases.
    private static final String GETDOMAININFOLIST = "24: 0:2 first_domain; 4:4 max_domains; 8:8 buffer;"
            + " 16:4 num_domains";

    static Stream<Arguments> releases() {
        // release, domctl version, sysctl version (XEN_*_INTERFACE_VERSION at each tag, docs/xen-abi.md), physinfo
        return Stream.of(
                Arguments.of("4.16", 0x14, 0x14, PHYSINFO_4_16),
                Arguments.of("4.17", 0x15, 0x15, PHYSINFO_4_17_TO_4_22),
                Arguments.of("4.18", 0x16, 0x15, PHYSINFO_4_17_TO_4_22),
                Arguments.of("4.19", 0x17, 0x15, PHYSINFO_4_17_TO_4_22),
                Arguments.of("4.20", 0x17, 0x15, PHYSINFO_4_17_TO_4_22),
                Arguments.of("4.21", 0x17, 0x16, PHYSINFO_4_17_TO_4_22),
                Arguments.of("4.22", 0x18, 0x16, PHYSINFO_4_17_TO_4_22));
    }

    @ParameterizedTest(name = "Xen {0}")
    @MethodSource("releases")
    void releaseTableMatchesXensHeaders(String name, int domctl, int sysctl, String physinfo) {
        String[] mm = name.split("\\.");
        XenRelease r = XenRelease.of(Integer.parseInt(mm[0]), Integer.parseInt(mm[1])).orElseThrow();
        assertEquals(domctl, r.domctl().version(), "domctl interface version");
        assertEquals(sysctl, r.sysctl().version(), "sysctl interface version");
        assertEquals(144, r.domctl().size());
        assertEquals(136, r.sysctl().size());
        assertStruct(GETDOMAININFO_4_16_TO_4_22, payload(r.domctl().layout(), "getdomaininfo"));
        assertStruct(GETVCPUINFO, payload(r.domctl().layout(), "getvcpuinfo"));
        assertStruct(VCPUAFFINITY, payload(r.domctl().layout(), "vcpuaffinity"));
        assertStruct(physinfo, payload(r.sysctl().layout(), "physinfo"));
        assertStruct(GETDOMAININFOLIST, payload(r.sysctl().layout(), "getdomaininfolist"));
        assertEquals(16, r.domctl().payloadOffset);
    }

    @Test
    void everySupportedReleaseIsChecked() {
        assertEquals(releases().map(a -> a.get()[0]).toList(),
                XenRelease.SUPPORTED.stream().map(XenRelease::toString).toList());
    }

    @Test
    void probingStartsWithTheReportedReleaseThenTheNearest() {
        assertEquals(List.of("4.17", "4.18", "4.16", "4.19", "4.20", "4.21", "4.22"),
                XenRelease.candidates(4, 17).stream().map(XenRelease::toString).toList());
        assertEquals(List.of("4.22", "4.21", "4.20", "4.19", "4.18", "4.17", "4.16"),
                XenRelease.candidates(4, 30).stream().map(XenRelease::toString).toList());
    }

    private static GroupLayout payload(MemoryLayout struct, String member) {
        return (GroupLayout) struct.select(PathElement.groupElement("u"), PathElement.groupElement(member));
    }

    /** Compares "size: off:size name; ..." with the layout's named members, both ways. */
    private static void assertStruct(String expected, GroupLayout actual) {
        String[] sizeAndFields = expected.split(": ", 2);
        assertEquals(Long.parseLong(sizeAndFields[0]), actual.byteSize(), "size of " + actual);
        Map<String, String> want = new LinkedHashMap<>();
        for (String field : sizeAndFields[1].split("; ")) {
            String[] offSizeName = field.split("[: ]");
            want.put(offSizeName[2].replaceAll("\\[.*", ""), offSizeName[0] + ":" + offSizeName[1]);
        }
        Map<String, String> got = new LinkedHashMap<>();
        long offset = 0;
        for (MemoryLayout m : actual.memberLayouts()) {
            if (!(m instanceof PaddingLayout)) {
                got.put(m.name().orElseThrow(), offset + ":" + m.byteSize());
            }
            offset += m.byteSize();
        }
        assertEquals(want, got, actual.toString());
    }
}
