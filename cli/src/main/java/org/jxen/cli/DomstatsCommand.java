package org.jxen.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxen.DomainIdentity;
import org.jxen.DomainVcpus;
import org.jxen.Hypervisor;
import org.jxen.VcpuSample;

/**
 * {@code domstats --vcpu [DOMAIN...]}: virsh's bulk statistics of the vCPU group, with libvirt's
 * field names, for every domain or the ones named, from one all-domains read.
 *
 * @param domains the domains' names, ids or UUIDs; empty for every domain
 * @param json whether to print JSON
 */
record DomstatsCommand(List<String> domains, boolean json) implements HostCommand {

    private static final Syntax.Flag VCPU = new Syntax.Flag("--vcpu",
            "The vCPU group (vcpu.current, vcpu.maximum, vcpu.<n>.state, vcpu.<n>.time): the only one jxen has.");
    /** Its grammar: any number of domains. */
    static final Syntax SYNTAX = new Syntax("domstats",
            List.of("Show libvirt's vCPU statistics of every domain, or of the domains named, from one read.",
                    "vcpu.<n>.state is virVcpuState's number (0 offline, 1 running, 2 blocked);",
                    "vcpu.<n>.time is the CPU time in nanoseconds."),
            List.of(new Syntax.Param("DOMAIN", false, true, "a domain: a name, an id or a UUID; without any, every domain")),
            List.of(VCPU, Syntax.JSON), a -> new DomstatsCommand(a.rest(0), a.has(Syntax.JSON)));

    /**
     * One typed parameter of libvirt's statistics.
     *
     * @param name its name, e.g. {@code vcpu.0.time}
     * @param value its value
     */
    record Stat(String name, long value) {
    }

    /**
     * Makes the command, copying the list.
     *
     * @param domains the domains named
     * @param json whether to print JSON
     */
    DomstatsCommand {
        domains = List.copyOf(domains);
    }

    @Override
    public void run(Session session) {
        Hypervisor host = session.hypervisor();
        // Every name is looked up first, so a wrong one fails before anything is printed.
        List<DomainIdentity> named = domains.stream().map(d -> DomainLookup.find(host, d).identity()).toList();
        List<DomainVcpus> all = host.vcpuSnapshot(false).domains();
        List<DomainVcpus> shown = new ArrayList<>();
        if (named.isEmpty()) {
            shown.addAll(all);
        } else {
            // In the order asked, as virsh does; a domain gone since its lookup is left out.
            for (DomainIdentity d : named) {
                Optional<DomainVcpus> read = all.stream().filter(v -> v.domain().equals(d)).findFirst();
                read.ifPresent(shown::add);
            }
        }
        if (json) {
            Json.domainStats(session.out(), shown);
        } else {
            print(session.out(), shown);
        }
    }

    /** virsh's records: {@code Domain: 'NAME'}, then two-space indented {@code name=value}, a blank line after each. */
    private static void print(PrintStream out, List<DomainVcpus> domains) {
        StringBuilder text = new StringBuilder();
        for (DomainVcpus d : domains) {
            text.append("Domain: '").append(d.domain().name()).append("'\n");
            for (Stat s : vcpuStats(d)) {
                text.append("  ").append(s.name()).append('=').append(s.value()).append('\n');
            }
            text.append('\n');
        }
        out.print(text);
    }

    /**
     * Lists a domain's vCPU statistics in libvirt's order.
     *
     * @param d the domain
     * @return vcpu.current, vcpu.maximum, then vcpu.n.state and vcpu.n.time for every vCPU
     */
    static List<Stat> vcpuStats(DomainVcpus d) {
        List<Stat> stats = new ArrayList<>(2 + 2 * d.maximum());
        stats.add(new Stat("vcpu.current", d.current()));
        stats.add(new Stat("vcpu.maximum", d.maximum()));
        for (VcpuSample v : d.vcpus()) {
            stats.add(new Stat("vcpu." + v.number() + ".state", v.state().number()));
            stats.add(new Stat("vcpu." + v.number() + ".time", v.cpuTime()));
        }
        return stats;
    }
}
