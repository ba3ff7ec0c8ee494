package org.jxen.xen;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreException;

/**
 * Opens the Xen driver: on this dom0 ({@code xen:///}) by finding which of the three interfaces
 * exist, or over backends the caller opened. A missing interface is not an error by itself: its
 * backend answers NO_SUPPORT and the fallback policy moves past it.
 */
public final class XenDriver {

    /** The URI of the local dom0. */
    public static final String URI = "xen:///";

    private XenDriver() {
    }

    /**
     * Tells whether a URI is for this driver: scheme {@code xen}.
     *
     * @param uri the URI
     * @return true for {@code xen:} URIs
     */
    public static boolean accepts(URI uri) {
        return "xen".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Opens the local dom0: privcmd, xenstore as libxenstore finds it, and xend when its socket
     * exists.
     *
     * @param uri {@code xen:///}
     * @return the connection
     * @throws JxenException INVALID_ARG for a remote or otherwise different xen URI; NO_SUPPORT when
     *     none of the three interfaces is here
     */
    public static Hypervisor openHost(URI uri) {
        if (uri.getRawAuthority() != null || !(uri.getRawPath() == null || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new JxenException(ErrorCode.INVALID_ARG, "unsupported URI '" + uri + "': the Xen driver opens only "
                    + URI + " (this host; remote hosts are not supported)");
        }
        List<AutoCloseable> opened = new ArrayList<>();
        HypercallBackend hypercall;
        try {
            PrivcmdDevice device = PrivcmdDevice.open();
            opened.add(device);
            hypercall = new HypercallBackend(BackendClient.of(Backend.HYPERCALL, XenHypercalls.connect(device)));
        } catch (HypercallException e) {
            closeAll(opened);
            opened.clear();
            hypercall = new HypercallBackend(BackendClient.absent(Backend.HYPERCALL, "privcmd unavailable: " + e.getMessage()));
        }
        XenstoreBackend xenstore;
        try {
            XenstoreClient client = XenstoreClient.open();
            opened.add(client);
            xenstore = new XenstoreBackend(BackendClient.of(Backend.XENSTORE, client));
        } catch (XenstoreException e) {
            xenstore = new XenstoreBackend(BackendClient.absent(Backend.XENSTORE, "xenstore unavailable: " + e.getMessage()));
        }
        XendBackend xend = Files.exists(XendEndpoint.DEFAULT_SOCKET)
                ? new XendBackend(BackendClient.of(Backend.XEND, XendClient.create(XendEndpoint.defaultSocket())))
                : new XendBackend(BackendClient.absent(Backend.XEND, "xend unavailable: no socket at " + XendEndpoint.DEFAULT_SOCKET));
        if (opened.isEmpty() && !Files.exists(XendEndpoint.DEFAULT_SOCKET)) {
            throw new JxenException(ErrorCode.NO_SUPPORT, "cannot open " + URI + ": " + hypercall.why() + "; " + xenstore.why()
                    + "; " + xend.why(), null, null, null);
        }
        return new XenHypervisor(hypercall, xenstore, xend, () -> closeAll(opened));
    }

    /**
     * Builds a connection over backends the caller opened; it closes the device and the xenstore
     * client when it is closed, or at once when this fails.
     *
     * @param privcmd the device, or null
     * @param xenstore the xenstore client, or null
     * @param xend the xend client, or null
     * @return the connection
     * @throws JxenException NO_SUPPORT when all three are null; the probe's error when the device
     *     answers but accepts no interface version jxen speaks
     */
    public static Hypervisor create(PrivcmdDevice privcmd, XenstoreClient xenstore, XendClient xend) {
        List<AutoCloseable> owned = new ArrayList<>();
        if (privcmd != null) {
            owned.add(privcmd);
        }
        if (xenstore != null) {
            owned.add(xenstore);
        }
        if (owned.isEmpty() && xend == null) {
            throw new JxenException(ErrorCode.NO_SUPPORT, "no backend given: set a privcmd device, a xenstore client or a xend client");
        }
        BackendClient<XenHypercalls> hypercalls;
        try {
            hypercalls = privcmd == null ? BackendClient.absent(Backend.HYPERCALL, "no privcmd device given")
                    : BackendClient.of(Backend.HYPERCALL, XenHypercalls.connect(privcmd));
        } catch (HypercallException e) {
            closeAll(owned);
            if (e.errnoName().equals("EACCES")) {
                // Xen refused every interface version jxen knows: a release jxen does not speak.
                throw new JxenException(ErrorCode.NO_SUPPORT, "cannot connect to Xen through privcmd: " + e.getMessage(),
                        Backend.HYPERCALL, "EACCES", e);
            }
            throw HypercallBackend.failure("connect to Xen through privcmd", e);
        }
        return new XenHypervisor(new HypercallBackend(hypercalls),
                new XenstoreBackend(xenstore == null ? BackendClient.absent(Backend.XENSTORE, "no xenstore client given")
                        : BackendClient.of(Backend.XENSTORE, xenstore)),
                new XendBackend(xend == null ? BackendClient.absent(Backend.XEND, "no xend client given")
                        : BackendClient.of(Backend.XEND, xend)),
                () -> closeAll(owned));
    }

    /** Closes in reverse order of opening; the first failure is thrown after all are closed. */
    private static void closeAll(List<AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new JxenException(ErrorCode.OPERATION_FAILED, "cannot close " + r + ": " + e.getMessage(),
                            null, null, e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
