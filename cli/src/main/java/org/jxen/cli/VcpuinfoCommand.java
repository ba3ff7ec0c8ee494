package org.jxen.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jxen.CpuMap;
import org.jxen.DomainVcpus;
import org.jxen.VcpuInfo;
import org.jxen.VcpuSample;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuState;

/**
 * {@code vcpuinfo [DOMAIN]}: every vCPU's state, physical CPU, CPU time and affinity, as virsh prints
 * them; without a domain, every domain's in one read, as {@code xl vcpu-list} lists them.
 *
 * @param domain the domain's name, id or UUID; null for every domain
 * @param pretty whether to show the affinity as a cpuset
 * @param json whether to print JSON
 */
record VcpuinfoCommand(String domain, boolean pretty, boolean json) implements HostCommand {

    private static final Map<VcpuState, String> STATE_LETTERS = Map.of(VcpuState.RUNNING, "r--",
            VcpuState.BLOCKED, "-b-", VcpuState.OFFLINE, "--p");
    private static final Syntax.Flag PRETTY = new Syntax.Flag("--pretty",
            "The affinity as a cpuset (0-3,8), not one y or - per CPU.");
    private static final Syntax.Param ANY_DOMAIN = new Syntax.Param("DOMAIN", false,
            "the domain: a name, an id or a UUID; without it, every running domain");
    /** Its grammar: the domain, if one. */
    static final Syntax SYNTAX = new Syntax("vcpuinfo",
            List.of("Show every vCPU of a domain: state, physical CPU, CPU time and affinity.",
                    "Without DOMAIN, every domain's vCPUs in one read, one line each, as xl vcpu-list."),
            List.of(ANY_DOMAIN), List.of(PRETTY, Syntax.JSON),
            a -> new VcpuinfoCommand(a.text(0), a.has(PRETTY), a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        if (domain == null) {
            VcpuSnapshot all = session.hypervisor().vcpuSnapshot(true);
            if (json) {
                Json.vcpuList(session.out(), all);
            } else {
                printAll(session.out(), all, session.hypervisor().nodeInfo().hostCpus());
            }
            return;
        }
        List<VcpuInfo> vcpus = DomainLookup.find(session.hypervisor(), domain).vcpus();
        if (json) {
            Json.vcpus(session.out(), vcpus);
        } else {
            print(session.out(), vcpus, session.hypervisor().nodeInfo().hostCpus());
        }
    }

    /** virsh's blocks, a blank line between them; "CPU time" only when not zero, as virsh does. */
    private void print(PrintStream out, List<VcpuInfo> vcpus, int hostCpus) {
        // Built by hand, not with printf: formatting 512 vCPUs' lines took longer than reading them.
        StringBuilder block = new StringBuilder();
        // vCPUs mostly share one map: 512 of them on 4096 pCPUs would otherwise build 2 MB of marks.
        CpuMap shown = null;
        String shownText = null;
        for (VcpuInfo v : vcpus) {
            block.setLength(0);
            if (v.number() != vcpus.getFirst().number()) {
                block.append(System.lineSeparator());
            }
            line(block, "VCPU:", Integer.toString(v.number()));
            // virsh's word for "no CPU" (it prints it for the vCPUs of an inactive domain)
            line(block, "CPU:", v.state() == VcpuState.OFFLINE ? "N/A" : Integer.toString(v.cpu()));
            line(block, "State:", v.state().name().toLowerCase(Locale.ROOT));
            if (v.cpuTime() != 0) {
                line(block, "CPU time:", String.format(Locale.ROOT, "%.1fs", v.cpuTime() / 1e9));
            }
            if (!v.hardAffinity().equals(shown)) {
                shown = v.hardAffinity();
                shownText = affinity(shown, hostCpus);
            }
            line(block, "CPU Affinity:", shownText);
            out.print(block);
        }
    }

    /**
     * One line per vCPU in xl vcpu-list's columns; the state as xl writes it: r (running or
     * runnable), b (blocked), p (offline: xl's "paused" column marks a vCPU that is down).
     */
    private static void printAll(PrintStream out, VcpuSnapshot all, int hostCpus) {
        StringBuilder text = new StringBuilder(String.format("%-32s %5s %5s %5s %5s %9s %s%n",
                "Name", "ID", "VCPU", "CPU", "State", "Time(s)", "Affinity (Hard / Soft)"));
        CpuMap every = CpuMap.all(hostCpus);
        for (DomainVcpus d : all.domains()) {
            for (VcpuSample v : d.vcpus()) {
                text.append(String.format(Locale.ROOT, "%-32s %5d %5d %5s   %s %9.1f  %s / %s%n", d.domain().name(),
                        d.domain().id(), v.number(), v.cpu() < 0 ? "-" : Integer.toString(v.cpu()), STATE_LETTERS.get(v.state()),
                        v.cpuTime() / 1e9, xlAffinity(v.hardAffinity().orElseThrow(), every),
                        xlAffinity(v.softAffinity().orElseThrow(), every)));
            }
        }
        out.print(text);
    }

    /** xl's word for every CPU the host can have. */
    private static String xlAffinity(CpuMap cpus, CpuMap every) {
        return cpus.equals(every) ? "all" : cpus.toString();
    }

    /** As printf's {@code "%-15s %s%n"}. */
    private static void line(StringBuilder block, String label, String value) {
        block.append(label).repeat(' ', 16 - label.length()).append(value).append(System.lineSeparator());
    }

    private String affinity(CpuMap cpus, int hostCpus) {
        if (pretty) {
            return cpus + " (out of " + hostCpus + ")";
        }
        char[] marks = new char[hostCpus];
        Arrays.fill(marks, '-');
        cpus.stream().takeWhile(cpu -> cpu < hostCpus).forEach(cpu -> marks[cpu] = 'y');
        return new String(marks);
    }
}
