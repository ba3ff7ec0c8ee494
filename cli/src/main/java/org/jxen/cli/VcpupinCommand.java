package org.jxen.cli;

import java.util.List;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuInfo;

/**
 * {@code vcpupin DOMAIN [VCPU [CPUSET]] [--soft]}: pins a vCPU, or shows the affinity table as
 * virsh does (every vCPU without VCPU, one vCPU with VCPU alone).
 *
 * @param domain the domain's name, id or UUID
 * @param vcpu the vCPU, or null for every vCPU's affinity; the host checks the range
 * @param cpuset the CPUs to pin to, or null to show the affinity
 * @param soft whether the soft affinity is meant instead of the hard one
 * @param json whether to print JSON
 */
record VcpupinCommand(String domain, Integer vcpu, String cpuset, boolean soft, boolean json) implements HostCommand {

    private static final Syntax.Flag SOFT = new Syntax.Flag("--soft",
            "The soft affinity (the CPUs the vCPU prefers), not the hard one.");
    /** Its grammar: the domain, then optionally the vCPU, then optionally the CPUs. */
    static final Syntax SYNTAX = new Syntax("vcpupin", List.of(
            "Pin vCPU VCPU of a domain to the physical CPUs of CPUSET.",
            "Without CPUSET, show the affinity of VCPU, or of every vCPU without VCPU."),
            List.of(Syntax.DOMAIN, new Syntax.Param("VCPU", false, "the vCPU number, from 0"),
                    new Syntax.Param("CPUSET", false, "physical CPUs as xl and virsh write them: 0-3,^2,8 or all")),
            List.of(SOFT, Syntax.JSON),
            a -> new VcpupinCommand(a.text(0), a.integer(1), a.text(2), a.has(SOFT), a.has(Syntax.JSON)));

    @Override
    public void run(Session session) {
        Domain d = DomainLookup.find(session.hypervisor(), domain);
        if (cpuset != null) {
            CpuMap cpus = CpuMap.parse(cpuset, session.hypervisor().nodeInfo().hostCpus());
            if (soft) {
                d.pinVcpuSoft(vcpu, cpus);
            } else {
                d.pinVcpu(vcpu, cpus);
            }
            if (json) {
                Json.affinities(session.out(), List.of(d.vcpus().get(vcpu)));
            }
            return;
        }
        List<VcpuInfo> vcpus = d.vcpus();
        if (vcpu != null) {
            if (vcpu < 0 || vcpu >= vcpus.size()) {
                throw new JxenException(ErrorCode.INVALID_ARG, "vCPU " + vcpu + " out of range 0-" + (vcpus.size() - 1)
                        + " for domain " + d.identity().name());
            }
            vcpus = List.of(vcpus.get(vcpu));
        }
        if (json) {
            Json.affinities(session.out(), vcpus);
            return;
        }
        Table table = new Table("VCPU", "CPU Affinity");
        for (VcpuInfo v : vcpus) {
            table.row(v.number(), soft ? v.softAffinity() : v.hardAffinity());
        }
        table.print(session.out());
    }
}
