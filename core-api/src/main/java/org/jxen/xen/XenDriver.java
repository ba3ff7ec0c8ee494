package org.jxen.xen;

import java.net.URI;
import org.jxen.Hypervisor;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.xend.XendClient;
import org.jxen.xenstore.XenstoreClient;

/** The Xen driver (being written). */
public final class XenDriver {

    /** The URI of this dom0. */
    public static final String URI = "xen:///";

    private XenDriver() {
    }

    /**
     * Tells whether the URI is {@code xen:///}.
     *
     * @param uri the URI
     * @return true for xen:///
     */
    public static boolean accepts(URI uri) {
        return "xen".equals(uri.getScheme());
    }

    /**
     * Opens this dom0.
     *
     * @param uri xen:///
     * @return the connection
     */
    public static Hypervisor openHost(URI uri) {
        throw new UnsupportedOperationException("the xen driver lands next");
    }

    /**
     * Builds a connection from explicit backends.
     *
     * @param privcmd the device, or null
     * @param xenstore the xenstore client, or null
     * @param xend the xend client, or null
     * @return the connection
     */
    public static Hypervisor create(PrivcmdDevice privcmd, XenstoreClient xenstore, XendClient xend) {
        throw new UnsupportedOperationException("the xen driver lands next");
    }
}
