package org.jxen.testdriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxen.Domain;
import org.jxen.DomainIdentity;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.InterfaceVersions;
import org.jxen.JxenException;
import org.jxen.NodeInfo;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.testfixtures.privcmd.FakePrivcmd;
import org.jxen.testfixtures.xend.FakeXend;
import org.jxen.testfixtures.xenstored.FakeXenstored;
import org.jxen.xen.XenDriver;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;

/**
 * The real Xen driver over a simulated host: the fake privcmd device, and a fake xenstored and a
 * fake xend listening on unix sockets, with the driver talking to them through the same clients it
 * uses on a dom0. The {@link Hypervisor} it hands out delegates to the driver and, on close, also
 * stops the fakes and removes their sockets and temporary directory.
 */
final class EmbeddedHost implements Hypervisor {

    private static final System.Logger LOG = System.getLogger(EmbeddedHost.class.getName());

    private final Hypervisor driver;
    private final FakeXenstored xenstored;
    private final FakeXend xend;
    private final Path directory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedHost(Hypervisor driver, FakeXenstored xenstored, FakeXend xend, Path directory) {
        this.driver = driver;
        this.xenstored = xenstored;
        this.xend = xend;
        this.directory = directory;
    }

    /**
     * Starts the fakes for a host and connects the real driver to them.
     *
     * @param host the simulated host
     * @param source what the host came from, for messages (a URI or a host file)
     * @return the connection; closing it stops everything this method started
     * @throws JxenException INVALID_ARG when the fakes do not simulate the host's Xen release,
     *     OPERATION_FAILED when a socket cannot be created
     */
    static Hypervisor start(SimulatedHost host, String source) {
        FakePrivcmd privcmd;
        try {
            privcmd = new FakePrivcmd(host);
        } catch (IllegalArgumentException e) {
            throw new JxenException(ErrorCode.INVALID_ARG, source + ": " + e.getMessage());
        }
        List<AutoCloseable> started = new ArrayList<>(List.of(privcmd));
        Path directory = null;
        try {
            directory = Files.createTempDirectory("jxen-test-");
            FakeXenstored xenstored = FakeXenstored.start(host.xenstore());
            started.add(xenstored);
            FakeXend xend = FakeXend.start(host, directory);
            started.add(xend);
            XenstoreClient xenstore = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(xenstored.socket()),
                    XenstoreOptions.defaults());
            started.add(xenstore);
            Hypervisor driver = XenDriver.builder()
                    .name(source)
                    .privcmd(privcmd)
                    .xenstore(xenstore)
                    .xend(XendClient.create(new XendEndpoint.Unix(xend.socketPath())))
                    .build();
            // The driver owns the device and the xenstore client now; the daemons stay ours.
            return new EmbeddedHost(driver, xenstored, xend, directory);
        } catch (JxenException e) {
            closeQuietly(started, directory);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(started, directory);
            throw new JxenException(ErrorCode.OPERATION_FAILED, source + ": cannot start the simulated host: " + e,
                    null, null, e);
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

    /**
     * Returns the fake daemons' unix sockets, for tests that check they are gone after close.
     *
     * @return the xenstored and xend sockets
     */
    List<Path> sockets() {
        return List.of(xenstored.socket(), xend.socketPath());
    }

    /**
     * Returns the temporary directory holding the xend socket.
     *
     * @return the directory
     */
    Path directory() {
        return directory;
    }

    /** Closes the driver, then stops the fake daemons and removes their directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            driver.close();
        } finally {
            closeQuietly(List.of(xenstored, xend), directory);
        }
    }

    /** Closes last first, then deletes the (by then empty) directory; one failure must not stop the rest. */
    private static void closeQuietly(List<AutoCloseable> resources, Path directory) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + resource, e);
            }
        }
        if (directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "removing " + directory, e);
            }
        }
    }
}
