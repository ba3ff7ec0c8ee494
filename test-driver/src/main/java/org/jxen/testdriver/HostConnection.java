package org.jxen.testdriver;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.Hypervisor;
import org.jxen.InterfaceVersions;
import org.jxen.NodeInfo;
import org.jxen.VcpuSnapshot;
import org.jxen.testing.SimulatedXen;

/**
 * The connection a {@code test:///} URI opens: the only connection to a host of its own, which
 * closing it stops (the fakes, their sockets and temporary directories), so that every open is a
 * fresh host.
 */
final class HostConnection implements Hypervisor {

    private final SimulatedXen host;
    private final Hypervisor driver;

    private HostConnection(SimulatedXen host, Hypervisor driver) {
        this.host = host;
        this.driver = driver;
    }

    /**
     * Connects to a host that the connection then owns.
     *
     * @param host a running host nobody else uses
     * @return the connection; closing it closes the host
     */
    static Hypervisor open(SimulatedXen host) {
        try {
            return new HostConnection(host, host.connect());
        } catch (RuntimeException | Error e) {
            host.close(); // its fakes, sockets and directories, whatever the failure
            throw e;
        }
    }

    @Override
    public NodeInfo nodeInfo() {
        return driver.nodeInfo();
    }

    @Override
    public Optional<InterfaceVersions> interfaceVersions() {
        return driver.interfaceVersions();
    }

    @Override
    public List<DomainIdentity> listDomains() {
        return driver.listDomains();
    }

    @Override
    public VcpuSnapshot vcpuSnapshot(boolean withAffinity) {
        return driver.vcpuSnapshot(withAffinity);
    }

    @Override
    public Domain domain0() {
        return driver.domain0();
    }

    @Override
    public Domain domain(int id) {
        return driver.domain(id);
    }

    @Override
    public Domain domain(String name) {
        return driver.domain(name);
    }

    @Override
    public Domain domain(UUID uuid) {
        return driver.domain(uuid);
    }

    /** The host, for tests that check it is closed with the connection. */
    SimulatedXen host() {
        return host;
    }

    /** Closes the host, which closes this connection first. */
    @Override
    public void close() {
        host.close();
    }
}
