package org.jxen.examples;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.VcpuInfo;
import org.jxen.VcpuState;

/**
 * A virtualization manager's vCPU agent, written as a user of jxen writes one, against the public
 * API ({@code org.jxen}) only. Each pass reads every domain's vCPUs, then tunes every guest: its
 * vCPU 0 is pinned to a pCPU of its own (domain id modulo the online pCPUs) and all its vCPUs are
 * brought online. One domain's trouble never stops the pass: a domain destroyed meanwhile is
 * reported as gone, a step Xen refuses is reported and the next step runs.
 */
public final class VcpuAgent {

    private final Hypervisor hypervisor;

    /**
     * Creates an agent on a connection it does not own.
     *
     * @param hypervisor the host to manage
     */
    public VcpuAgent(Hypervisor hypervisor) {
        this.hypervisor = hypervisor;
    }

    /**
     * Runs one pass on a host and prints what it did.
     *
     * @param args the host's URI, {@code test:///default} when absent
     */
    public static void main(String[] args) {
        URI uri = URI.create(args.length > 0 ? args[0] : "test:///default");
        try (Hypervisor hypervisor = Hypervisor.open(uri)) {
            new VcpuAgent(hypervisor).pass().forEach(System.out::println);
        }
    }

    /**
     * Reads every domain and tunes every guest once.
     *
     * @return what it saw and did, one line per domain read and per step, e.g.
     *     {@code demo (1): 2 of 4 vCPUs online}, {@code demo: pin vCPU 0 to pCPU 1: done}
     * @throws JxenException when the host cannot be read at all (no domain list)
     */
    public List<String> pass() {
        int cpus = hypervisor.nodeInfo().cpus();
        List<String> lines = new ArrayList<>();
        for (DomainIdentity identity : hypervisor.listDomains()) {
            String name = identity.name();
            try {
                // By UUID: a domain destroyed and replaced under the same id is not mistaken for it.
                Domain domain = hypervisor.domain(identity.uuid());
                List<VcpuInfo> vcpus = domain.vcpus();
                long online = vcpus.stream().filter(v -> v.state() != VcpuState.OFFLINE).count();
                lines.add(name + " (" + identity.id() + "): " + online + " of " + vcpus.size() + " vCPUs online");
                if (identity.id() != 0) {
                    int pcpu = identity.id() % cpus;
                    step(lines, name, "pin vCPU 0 to pCPU " + pcpu, () -> domain.pinVcpu(0, CpuMap.ofCpus(pcpu)));
                    step(lines, name, "set " + vcpus.size() + " vCPUs online", () -> domain.setVcpus(vcpus.size()));
                }
            } catch (JxenException e) {
                if (e.code() != ErrorCode.NO_DOMAIN) {
                    throw e;
                }
                lines.add(name + ": gone");
            }
        }
        return lines;
    }

    /** Runs one step; a refusal is reported and the pass goes on, a vanished domain ends this domain's turn. */
    private static void step(List<String> lines, String name, String what, Runnable action) {
        try {
            action.run();
            lines.add(name + ": " + what + ": done");
        } catch (JxenException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                throw e;
            }
            String reason = e.code() == ErrorCode.OPERATION_DENIED ? "denied" : "failed, " + e.code();
            lines.add(name + ": " + what + ": " + reason + e.detail().map(d -> " (" + d + ")").orElse(""));
        }
    }
}
