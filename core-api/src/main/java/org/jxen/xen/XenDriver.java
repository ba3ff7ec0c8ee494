package org.jxen.xen;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jxen.Backend;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.hypercall.Errno;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.NativeAccessException;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.PrivcmdPaths;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.internal.Arguments;
import org.jxen.xend.XendClient;
import org.jxen.xend.XendEndpoint;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreException;

/**
 * The Xen driver's advanced entry point: a connection over protocol clients the caller opened
 * (a xenstored or xend on another socket, a privcmd device of one's own, a test's fakes). Most
 * code never needs it: {@code Hypervisor.open(URI.create("xen:///"))} finds the local dom0's
 * interfaces itself. A missing interface is not an error by itself: its backend answers
 * NO_SUPPORT and the fallback policy moves past it.
 */
public final class XenDriver {

    /** The URI of the local dom0. */
    static final String URI = "xen:///";

    private XenDriver() {
    }

    /**
     * Starts building a connection from protocol clients; any of them may be left out, and the
     * operations that need it then move on to the next backend (see DESIGN.md, "Backends and
     * fallback").
     *
     * @return a builder with no backend
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Opens {@code xen:///}: privcmd, xenstore as libxenstore finds it, and xend when its socket exists. */
    static Hypervisor openLocal(URI uri) {
        if (uri.getRawAuthority() != null || !(uri.getRawPath() == null || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new JxenException(ErrorCode.INVALID_ARG, "unsupported URI '" + uri + "': the Xen driver opens only "
                    + URI + " (this host; remote hosts are not supported)");
        }
        List<AutoCloseable> opened = new ArrayList<>();
        HypercallException noPrivcmd = null;
        BackendClient<XenHypercalls> hypercalls;
        try {
            PrivcmdDevice device = PrivcmdDevice.open();
            opened.add(device);
            hypercalls = BackendClient.of(Backend.HYPERCALL, connect(device, opened));
        } catch (NativeAccessException e) {
            throw new JxenException(ErrorCode.NO_SUPPORT, "cannot open " + URI + ": " + e.getMessage(),
                    Backend.HYPERCALL, e.flag(), e);
        } catch (HypercallException e) {
            // Only opening the device gets here: connect() turned the probe's errors into JxenExceptions.
            JxenException denied = deviceDenied(e);
            if (denied != null) {
                throw denied;
            }
            noPrivcmd = e;
            hypercalls = BackendClient.absent(Backend.HYPERCALL, "privcmd unavailable: " + e.getMessage());
        }
        XenstoreException noXenstore = null;
        BackendClient<XenstoreClient> xenstore;
        try {
            XenstoreClient client = XenstoreClient.open();
            opened.add(client);
            xenstore = BackendClient.of(Backend.XENSTORE, client);
        } catch (XenstoreException e) {
            noXenstore = e;
            xenstore = BackendClient.absent(Backend.XENSTORE, "xenstore unavailable: " + e.getMessage());
        }
        boolean xendHere = Files.exists(XendEndpoint.DEFAULT_SOCKET);
        BackendClient<XendClient> xend = xendHere
                ? BackendClient.of(Backend.XEND, XendClient.create(XendEndpoint.defaultSocket()))
                : BackendClient.absent(Backend.XEND, "xend unavailable: no socket at " + XendEndpoint.DEFAULT_SOCKET);
        if (opened.isEmpty() && !xendHere) {
            // No Xen here: the device's error leads, as it is the one interface every dom0 has.
            JxenException none = new JxenException(ErrorCode.NO_SUPPORT, "cannot open " + URI + ": no Xen interface on"
                    + " this machine (" + PrivcmdPaths.DEFAULT.privcmd() + " missing, not a Xen dom0?): "
                    + hypercalls.why() + "; " + xenstore.why() + "; " + xend.why(),
                    Backend.HYPERCALL, noPrivcmd.errnoName(), noPrivcmd);
            if (noXenstore != null) {
                none.addSuppressed(noXenstore);
            }
            throw none;
        }
        return new XenHypervisor(URI, new HypercallBackend(hypercalls), new XenstoreBackend(xenstore),
                new XendBackend(xend), () -> closeAll(opened));
    }

    /**
     * The error for a privcmd device that exists but may not be opened (EACCES, EPERM: not root,
     * or a policy says no): OPERATION_DENIED at once, not a fallback to the daemons. Null when
     * the device is simply not there.
     */
    static JxenException deviceDenied(HypercallException e) {
        return switch (e.errno().orElse(null)) {
            case EACCES, EPERM -> new JxenException(ErrorCode.OPERATION_DENIED, "cannot open " + URI + ": " + e.getMessage(),
                    Backend.HYPERCALL, e.errnoName(), e);
            case null, default -> null;
        };
    }

    /**
     * Probes the interface versions through an open device; on failure closes {@code owned} (the
     * device among them) and reports why.
     *
     * @throws JxenException NO_SUPPORT when Xen refuses every interface version jxen knows (EACCES:
     *     a release jxen does not speak); what the probe failed with otherwise
     */
    private static XenHypercalls connect(PrivcmdDevice device, List<AutoCloseable> owned) {
        try {
            return XenHypercalls.connect(device);
        } catch (HypercallException e) {
            closeAll(owned);
            if (e.errno().orElse(null) == Errno.EACCES) {
                throw new JxenException(ErrorCode.NO_SUPPORT, "cannot connect to Xen through privcmd: " + e.getMessage(),
                        Backend.HYPERCALL, "EACCES", e);
            }
            throw HypercallBackend.failure("connect to Xen through privcmd", e);
        }
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

    /**
     * Builds a {@link Hypervisor} from protocol clients. Not thread-safe; the built connection is.
     * The connection owns the privcmd device and the xenstore client and closes them (at once,
     * when {@link #build()} fails).
     */
    public static final class Builder {

        private PrivcmdDevice privcmd;
        private XenstoreClient xenstore;
        private XendClient xend;
        private String name = "a Xen host built from its clients";

        private Builder() {
        }

        /**
         * Uses a privcmd device for hypercalls.
         *
         * @param device the device; the connection closes it
         * @return this builder
         * @throws JxenException INVALID_ARG when {@code device} is null
         */
        public Builder privcmd(PrivcmdDevice device) {
            this.privcmd = Arguments.notNull(device, "device");
            return this;
        }

        /**
         * Uses a xenstore connection.
         *
         * @param client the client; the connection closes it
         * @return this builder
         * @throws JxenException INVALID_ARG when {@code client} is null
         */
        public Builder xenstore(XenstoreClient client) {
            this.xenstore = Arguments.notNull(client, "client");
            return this;
        }

        /**
         * Uses xend, the legacy fallback.
         *
         * @param client the client
         * @return this builder
         * @throws JxenException INVALID_ARG when {@code client} is null
         */
        public Builder xend(XendClient client) {
            this.xend = Arguments.notNull(client, "client");
            return this;
        }

        /**
         * Names the host for messages, e.g. {@code test:///default}; an error after close says
         * "the connection to NAME is closed".
         *
         * @param name what the connection is to
         * @return this builder
         * @throws JxenException INVALID_ARG when {@code name} is null
         */
        public Builder name(String name) {
            this.name = Arguments.notNull(name, "name");
            return this;
        }

        /**
         * Connects: probes the hypervisor's interface versions through the device, if one was given.
         *
         * @return the connection
         * @throws JxenException NO_SUPPORT when no backend was given, or when the device answers
         *     but accepts no interface version jxen speaks; what the probe failed with otherwise
         */
        public Hypervisor build() {
            List<AutoCloseable> owned = new ArrayList<>();
            if (privcmd != null) {
                owned.add(privcmd);
            }
            if (xenstore != null) {
                owned.add(xenstore);
            }
            if (owned.isEmpty() && xend == null) {
                throw new JxenException(ErrorCode.NO_SUPPORT,
                        "no backend given: set a privcmd device, a xenstore client or a xend client");
            }
            BackendClient<XenHypercalls> hypercalls = privcmd == null
                    ? BackendClient.absent(Backend.HYPERCALL, "no privcmd device given")
                    : BackendClient.of(Backend.HYPERCALL, connect(privcmd, owned));
            return new XenHypervisor(name, new HypercallBackend(hypercalls),
                    new XenstoreBackend(xenstore == null ? BackendClient.absent(Backend.XENSTORE, "no xenstore client given")
                            : BackendClient.of(Backend.XENSTORE, xenstore)),
                    new XendBackend(xend == null ? BackendClient.absent(Backend.XEND, "no xend client given")
                            : BackendClient.of(Backend.XEND, xend)),
                    () -> closeAll(owned));
        }
    }
}
