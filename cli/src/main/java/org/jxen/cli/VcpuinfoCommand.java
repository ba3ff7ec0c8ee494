package org.jxen.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.jxen.CpuMap;
import org.jxen.VcpuInfo;
import org.jxen.VcpuState;

/**
 * {@code vcpuinfo DOMAIN}: every vCPU's state, physical CPU, CPU time and affinity, as virsh prints them.
 *
 * @param domain the domain's name, id or UUID
 * @param pretty whether to show the affinity as a cpuset
 * @param json whether to print JSON
 */
record VcpuinfoCommand(String domain, boolean pretty, boolean json) implements HostCommand {

    private static final Syntax.Flag PRETTY = new Syntax.Flag("--pretty",
            "The affinity as a cpuset (0-3,8), not one y or - per CPU.");
    /** Its grammar: the domain. */
    static final Syntax SYNTAX = new Syntax("vcpuinfo",
            List.of("Show every vCPU of a domain: state, physical CPU, CPU time and affinity."),
            List.of(Syntax.DOMAIN), List.of(PRETTY, Syntax.JSON),
            a -> new VcpuinfoCommand(a.text(0), a.has(PRETTY), a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        List<VcpuInfo> vcpus = DomainLookup.find(session.hypervisor(), domain).vcpus();
        if (json) {
            Json.vcpus(session.out(), vcpus);
        } else {
            print(session.out(), vcpus, session.hypervisor().nodeInfo().hostCpus());
        }
    }

    /** virsh's blocks, a blank line between them; "CPU time" only when not zero, as virsh does. */
    private void print(PrintStream out, List<VcpuInfo> vcpus, int hostCpus) {
        for (VcpuInfo v : vcpus) {
            if (v.number() != vcpus.getFirst().number()) {
                out.println();
            }
            out.printf("%-15s %d%n", "VCPU:", v.number());
            // virsh's word for "no CPU" (it prints it for the vCPUs of an inactive domain)
            out.printf("%-15s %s%n", "CPU:", v.state() == VcpuState.OFFLINE ? "N/A" : Integer.toString(v.cpu()));
            out.printf("%-15s %s%n", "State:", v.state().name().toLowerCase(Locale.ROOT));
            if (v.cpuTime() != 0) {
                out.printf(Locale.ROOT, "%-15s %.1fs%n", "CPU time:", v.cpuTime() / 1e9);
            }
            out.printf("%-15s %s%n", "CPU Affinity:", affinity(v.hardAffinity(), hostCpus));
        }
    }

    private String affinity(CpuMap cpus, int hostCpus) {
        if (pretty) {
            return cpus + " (out of " + hostCpus + ")";
        }
        StringBuilder marks = new StringBuilder(hostCpus);
        for (int cpu = 0; cpu < hostCpus; cpu++) {
            marks.append(cpus.contains(cpu) ? 'y' : '-');
        }
        return marks.toString();
    }
}
