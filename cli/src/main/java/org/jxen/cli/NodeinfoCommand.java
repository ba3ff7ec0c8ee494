package org.jxen.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.jxen.InterfaceVersions;
import org.jxen.NodeInfo;

/**
 * {@code nodeinfo}: virsh's lines (without the CPU model, which Xen does not report), then Xen's,
 * with the hypercall interface versions jxen found when it opened privcmd.
 *
 * @param json whether to print JSON
 */
record NodeinfoCommand(boolean json) implements HostCommand {

    /** Its grammar: no argument. */
    static final Syntax SYNTAX = new Syntax("nodeinfo",
            List.of("Show the host: physical CPUs, topology, memory and Xen version."), List.of(), List.of(Syntax.JSON),
            a -> new NodeinfoCommand(a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        NodeInfo node = session.hypervisor().nodeInfo();
        Optional<InterfaceVersions> versions = session.hypervisor().interfaceVersions();
        if (json) {
            Json.node(session.out(), node, versions);
            return;
        }
        PrintStream out = session.out();
        out.printf("%-20s %d%n", "CPU(s):", node.cpus());
        out.printf("%-20s %d MHz%n", "CPU frequency:", node.mhz());
        out.printf("%-20s %d%n", "CPU socket(s):", node.sockets());
        out.printf("%-20s %d%n", "Core(s) per socket:", node.cores());
        out.printf("%-20s %d%n", "Thread(s) per core:", node.threads());
        out.printf("%-20s %d%n", "NUMA cell(s):", node.nodes());
        out.printf("%-20s %d KiB%n", "Memory size:", node.memoryKiB());
        out.printf("%-20s %d%n", "Max CPU id:", node.maxCpuId());
        out.printf("%-20s %s%n", "Xen version:", node.xenVersion());
        versions.ifPresent(v -> {
            out.printf("%-20s 0x%02x%n", "Domctl interface:", v.domctl());
            out.printf("%-20s 0x%02x%n", "Sysctl interface:", v.sysctl());
        });
    }
}
