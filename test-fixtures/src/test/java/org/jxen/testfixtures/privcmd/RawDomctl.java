package org.jxen.testfixtures.privcmd;

import java.lang.foreign.MemorySegment;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.Field;
import org.jxen.hypercall.abi.Layouts;

/**
 * Writes vcpuaffinity domctls for the guest (domain 3 of {@link Hosts}) straight into memory leased
 * from the fake and issues them, so that tests can send what XenHypercalls never would.
 */
final class RawDomctl {

    private static final Field OP = Field.of(Layouts.PRIVCMD_HYPERCALL, "op");
    private static final Field ARG0 = Field.of(Layouts.PRIVCMD_HYPERCALL, "arg[0]");

    private final FakePrivcmd fake;
    private final DomctlAbi abi;

    RawDomctl(FakePrivcmd fake, DomctlAbi abi) {
        this.fake = fake;
        this.abi = abi;
    }

    /** Zeroes the domctl struct at {@code d}, then writes the op for a vCPU with these flags and no map. */
    void affinity(MemorySegment d, Operation op, int vcpu, int flags) {
        d.asSlice(0, abi.size()).fill((byte) 0);
        abi.cmd.set(d, op.subop());
        abi.interfaceVersion.set(d, abi.version());
        abi.domain.set(d, 3);
        abi.affinityVcpu.set(d, vcpu);
        abi.affinityFlags.set(d, flags);
    }

    /** Points one map's xenctl_bitmap at {@code address}, {@code nrBits} long. */
    void map(MemorySegment d, Affinity which, long address, long nrBits) {
        boolean hard = which == Affinity.HARD;
        (hard ? abi.hardBitmap : abi.softBitmap).set(d, address);
        (hard ? abi.hardNrBits : abi.softNrBits).set(d, nrBits);
    }

    /** Issues the domctl at {@code d}; returns the fake's answer, 0 or -errno. */
    long issue(HypercallBuffer buf, MemorySegment d) {
        call(buf, Operation.DOMCTL_GETVCPUINFO.hypercall(), d.address());
        return fake.hypercall(buf);
    }

    /** Writes privcmd_hypercall's op and first argument. */
    static void call(HypercallBuffer buf, long op, long arg0) {
        OP.set(buf.call(), op);
        ARG0.set(buf.call(), arg0);
    }
}
