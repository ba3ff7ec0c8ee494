package org.jxen.xen;

import java.net.URI;
import java.util.List;
import org.jxen.Hypervisor;
import org.jxen.spi.HypervisorProvider;

/**
 * Opens {@code xen:///}, the local dom0, for {@link Hypervisor#open(URI)}: the Xen driver is found
 * as a provider, like any other. Accepts every {@code xen:} URI so that a remote or malformed one
 * gets this driver's explanation.
 */
public final class XenDriverProvider implements HypervisorProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public XenDriverProvider() {
    }

    @Override
    public boolean accepts(URI uri) {
        return "xen".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Opens this dom0.
     *
     * @throws org.jxen.JxenException INVALID_ARG for any {@code xen:} URI but {@code xen:///};
     *     NO_SUPPORT when there is no Xen here or the JVM denies native access (naming the flag);
     *     OPERATION_DENIED when this process may not open /dev/xen/privcmd
     */
    @Override
    public Hypervisor open(URI uri) {
        return XenDriver.openLocal(uri);
    }

    @Override
    public List<String> examples() {
        return List.of(XenDriver.URI);
    }
}
