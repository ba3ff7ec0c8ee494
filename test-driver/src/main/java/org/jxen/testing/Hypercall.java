package org.jxen.testing;

import org.jxen.hypercall.Operation;

/**
 * The hypercalls jxen's driver makes through privcmd once connected, for
 * {@link SimulatedXen#failNext(Hypercall, String) fault injection}. Each is the sysctl or domctl
 * sub-operation of Xen's public headers that the named jxen calls issue.
 */
public enum Hypercall {
    /** sysctl physinfo: the host's CPUs; {@code Hypervisor.nodeInfo()}, and before every pin to size the map. */
    PHYSINFO(Operation.SYSCTL_PHYSINFO),
    /** sysctl getdomaininfolist: {@code Hypervisor.listDomains()}, {@code vcpuSnapshot} and lookup by UUID. */
    DOMAIN_LIST(Operation.SYSCTL_GETDOMAININFOLIST),
    /**
     * domctl getdomaininfo: lookup by id or name, {@code Domain.vcpuCount()}, and the check at the
     * start of every {@code Domain} call that the domain is still the one looked up.
     */
    DOMAIN_INFO(Operation.DOMCTL_GETDOMAININFO),
    /** domctl getvcpuinfo: state, CPU time and pCPU of one vCPU; {@code Domain.vcpus()}, {@code Hypervisor.vcpuSnapshot}. */
    VCPU_INFO(Operation.DOMCTL_GETVCPUINFO),
    /** domctl getvcpuaffinity: one vCPU's hard and soft affinity; {@code Domain.vcpus()}, {@code vcpuSnapshot(true)}. */
    GET_VCPU_AFFINITY(Operation.DOMCTL_GETVCPUAFFINITY),
    /** domctl setvcpuaffinity: {@code Domain.pinVcpu} and {@code Domain.pinVcpuSoft}. */
    SET_VCPU_AFFINITY(Operation.DOMCTL_SETVCPUAFFINITY);

    private final Operation operation;

    Hypercall(Operation operation) {
        this.operation = operation;
    }

    /** The fake device's name for it. */
    Operation operation() {
        return operation;
    }
}
