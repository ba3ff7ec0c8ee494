package org.jxen.libvirtjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.jxen.ErrorCode;
import org.jxen.libvirt.SimulatedConnection;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.junit.jupiter.api.function.Executable;

/**
 * The adapter over the real driver stack on a simulated host (privcmd and xenstored fakes that
 * speak the real formats); the host arranges state and reads back what the calls did without
 * going through the code under test: the facade's {@link SimulatedConnection}, wrapped.
 */
final class SimulatedConnect implements AutoCloseable {

    final SimulatedHost host;
    final Connect connect;
    private final SimulatedConnection stack;

    private SimulatedConnect(SimulatedHost host) throws LibvirtException {
        this.stack = SimulatedConnection.of(host);
        this.host = host;
        this.connect = Connect.wrap(stack.hypervisor);
    }

    /** The default host: 16 pCPUs, Domain-0 (id 0, 4 of 4 vCPUs online), demo (id 1, 2 of 4 online). */
    static SimulatedConnect defaultHost() throws LibvirtException {
        return new SimulatedConnect(SimulatedHost.defaultHost());
    }

    /** Any host, for shapes the default one lacks. */
    static SimulatedConnect of(SimulatedHost host) throws LibvirtException {
        return new SimulatedConnect(host);
    }

    Domain domain(String name) throws LibvirtException {
        return connect.domainLookupByName(name);
    }

    SimVcpu vcpu(String domain, int n) {
        return host.domain(domain).orElseThrow().vcpu(n);
    }

    /** CPUs first to last, both included, for comparing with the host's affinities. */
    static BitSet cpuRange(int first, int last) {
        BitSet set = new BitSet();
        set.set(first, last + 1);
        return set;
    }

    /** The call throws a LibvirtException of {@code code} whose message mentions each string. */
    static LibvirtException assertFails(ErrorCode code, Executable call, String... mustMention) {
        LibvirtException e = assertThrows(LibvirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(code, e.getCause().code(), "the wrapped JxenException");
        for (String s : mustMention) {
            assertTrue(e.getMessage().contains(s), "message '" + e.getMessage() + "' should mention '" + s + "'");
        }
        return e;
    }

    @Override
    public void close() {
        stack.close();
    }
}
