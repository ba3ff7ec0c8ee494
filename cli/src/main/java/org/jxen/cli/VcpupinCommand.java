package org.jxen.cli;

import java.util.List;
import org.jxen.CpuMap;
import org.jxen.Domain;
import org.jxen.ErrorCode;
import org.jxen.JxenException;
import org.jxen.VcpuInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vcpupin DOMAIN [VCPU [CPUSET]] [--soft]}: pins a vCPU, or shows the affinity table as
 * virsh does (every vCPU without VCPU, one vCPU with VCPU alone).
 */
@Command(name = "vcpupin", description = {
    "Pin vCPU VCPU of a domain to the physical CPUs of CPUSET.",
    "Without CPUSET, show the affinity of VCPU, or of every vCPU without VCPU."})
final class VcpupinCommand implements HostCommand {

    @Mixin
    DomainArgument domain;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VCPU", description = "the vCPU number, from 0")
    Integer vcpu;

    @Parameters(index = "2", arity = "0..1", paramLabel = "CPUSET",
            description = "physical CPUs as xl and virsh write them: 0-3,^2,8 or all")
    String cpuset;

    @Option(names = "--soft", description = "The soft affinity (the CPUs the vCPU prefers) instead of the hard one.")
    boolean soft;

    @Mixin
    OutputOptions output;

    @Override
    public void run(Session session) {
        Domain d = domain.find(session);
        if (cpuset != null) {
            CpuMap cpus = CpuMap.parse(cpuset, session.hypervisor().nodeInfo().hostCpus());
            if (soft) {
                d.pinVcpuSoft(vcpu, cpus);
            } else {
                d.pinVcpu(vcpu, cpus);
            }
            if (output.json) {
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
        if (output.json) {
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
