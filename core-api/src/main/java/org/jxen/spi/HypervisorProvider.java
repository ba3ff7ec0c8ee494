package org.jxen.spi;

import java.net.URI;
import java.util.List;
import org.jxen.Hypervisor;

/**
 * A driver for URIs other than {@code xen:///}, found by {@link java.util.ServiceLoader} when
 * {@link Hypervisor#open(URI)} is called. It keeps drivers such as the embedded {@code test:///}
 * host out of core-api, so the shipped driver holds no simulator.
 */
public interface HypervisorProvider {

    /**
     * Tells whether this provider opens the URI.
     *
     * @param uri the URI asked for
     * @return true to be asked to {@link #open} it
     */
    boolean accepts(URI uri);

    /**
     * Opens the URI.
     *
     * @param uri a URI this provider accepts
     * @return an open connection
     * @throws org.jxen.JxenException INVALID_ARG when the URI names something that does not exist
     */
    Hypervisor open(URI uri);

    /**
     * Returns example URIs for error messages, e.g. {@code test:///default}.
     *
     * @return the examples
     */
    List<String> examples();
}
