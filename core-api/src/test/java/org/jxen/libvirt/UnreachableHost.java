package org.jxen.libvirt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.Hypervisor;
import org.jxen.InterfaceVersions;
import org.jxen.NodeInfo;
import org.jxen.VcpuSnapshot;

/**
 * A hypervisor that fails the test when asked anything: the facade over it proves that bad
 * arguments are rejected before the host is looked at, let alone changed. An AssertionError is
 * no JxenException, so the facade cannot swallow it into a -1.
 */
final class UnreachableHost implements Hypervisor {

    private static AssertionError touched(String what) {
        return new AssertionError("bad input reached the host: " + what + " was called");
    }

    @Override
    public NodeInfo nodeInfo() {
        throw touched("nodeInfo()");
    }

    @Override
    public Optional<InterfaceVersions> interfaceVersions() {
        throw touched("interfaceVersions()");
    }

    @Override
    public List<DomainIdentity> listDomains() {
        throw touched("listDomains()");
    }

    @Override
    public VcpuSnapshot vcpuSnapshot(boolean withAffinity) {
        throw touched("vcpuSnapshot(boolean)");
    }

    @Override
    public Domain domain0() {
        throw touched("domain0()");
    }

    @Override
    public Domain domain(int id) {
        throw touched("domain(int)");
    }

    @Override
    public Domain domain(String name) {
        throw touched("domain(String)");
    }

    @Override
    public Domain domain(UUID uuid) {
        throw touched("domain(UUID)");
    }

    @Override
    public void close() {
        throw touched("close()");
    }
}
