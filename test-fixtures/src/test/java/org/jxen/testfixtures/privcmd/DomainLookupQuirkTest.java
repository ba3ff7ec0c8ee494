package org.jxen.testfixtures.privcmd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.Field;
import org.jxen.hypercall.abi.Layouts;
import org.jxen.hypercall.abi.XenRelease;

/** The fake's raw getdomaininfo for a missing domain: the next domain up to 4.17, ESRCH from 4.18. */
class DomainLookupQuirkTest {

    @ParameterizedTest(name = "Xen 4.{0}")
    @ValueSource(ints = {16, 17, 18, 19, 20, 21, 22})
    void missingDomain(int minor) {
        DomctlAbi abi = XenRelease.of(4, minor).orElseThrow().domctl();
        try (FakePrivcmd fake = new FakePrivcmd(Hosts.host(minor, 16));
                HypercallBuffer buf = fake.lease(abi.size())) {
            MemorySegment d = buf.data();
            boolean nextDomain = minor <= 17;
            assertEquals(nextDomain ? 0 : -Errno.ESRCH.number(), getDomainInfo(fake, abi, buf, 5));
            if (nextDomain) {
                assertEquals(7, abi.domain.get(d), "header says which domain answered");
                assertEquals(7, abi.info.domain.get(d.asSlice(abi.payloadOffset)));
                assertEquals(7, abi.info.maxVcpuId.get(d.asSlice(abi.payloadOffset)));
            }
            assertEquals(-Errno.ESRCH.number(), getDomainInfo(fake, abi, buf, 8), "nothing above 7");
            assertEquals(nextDomain ? -Errno.EINVAL.number() : -Errno.ESRCH.number(), getDomainInfo(fake, abi, buf, 0x7FF0), "DOMID_SELF");
        }
    }

    private static long getDomainInfo(FakePrivcmd fake, DomctlAbi abi, HypercallBuffer buf, int domain) {
        MemorySegment d = buf.data();
        d.asSlice(0, abi.size()).fill((byte) 0);
        abi.cmd.set(d, Operation.DOMCTL_GETDOMAININFO.subop());
        abi.interfaceVersion.set(d, abi.version());
        abi.domain.set(d, domain);
        Field.of(Layouts.PRIVCMD_HYPERCALL, "op").set(buf.call(), Operation.DOMCTL_GETDOMAININFO.hypercall());
        Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[0]").set(buf.call(), d.address());
        return fake.hypercall(buf);
    }
}
