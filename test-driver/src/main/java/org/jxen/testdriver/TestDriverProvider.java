package org.jxen.testdriver;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jxen.ErrorCode;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import org.jxen.spi.HypervisorProvider;
import org.jxen.testing.SimulatedXen;

/**
 * Opens {@code test:///} URIs, like libvirt's test driver: {@code test:///default} is the default
 * simulated host, {@code test:///ABSOLUTE/PATH.json} a host described in a file (see
 * {@link HostFile}). Each {@link #open} starts a new {@link SimulatedXen}, the testing kit's host,
 * and hands out its one connection, so changes made through one connection are not seen by the next.
 */
public final class TestDriverProvider implements HypervisorProvider {

    /** The URI of the default host. */
    static final String DEFAULT_URI = "test:///default";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public TestDriverProvider() {
    }

    /**
     * Accepts every {@code test:} URI, so that a malformed one gets this driver's explanation
     * rather than "unsupported URI".
     */
    @Override
    public boolean accepts(URI uri) {
        return "test".equals(uri.getScheme());
    }

    /**
     * Starts the host the URI names.
     *
     * @throws JxenException INVALID_ARG for a URI that is neither {@code test:///default} nor
     *     {@code test:///PATH.json}, and for a host file that is missing or wrong
     */
    @Override
    public Hypervisor open(URI uri) {
        String path = uri.getPath();
        if (uri.isOpaque() || uri.getAuthority() != null || uri.getQuery() != null || uri.getFragment() != null
                || path == null || path.isEmpty()) {
            throw badUri(uri);
        }
        if (path.equals("/default")) {
            return HostConnection.open(SimulatedXen.defaultHost());
        }
        if (path.endsWith(".json")) {
            Path file = Path.of(path);
            String source = HostFile.describe(file);
            SimulatedXen.Builder host = HostFile.read(file).name(source);
            try {
                return HostConnection.open(host.build());
            } catch (IllegalArgumentException e) {
                throw new JxenException(ErrorCode.INVALID_ARG, source + ": " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new JxenException(ErrorCode.OPERATION_FAILED, source + ": cannot start the simulated host: "
                        + e.getCause(), null, null, e);
            }
        }
        throw badUri(uri);
    }

    @Override
    public List<String> examples() {
        return List.of(DEFAULT_URI, "test:///ABSOLUTE/PATH.json");
    }

    private static JxenException badUri(URI uri) {
        return new JxenException(ErrorCode.INVALID_ARG, "bad test URI '" + uri
                + "': expected test:///default or test:///ABSOLUTE/PATH.json (a host file)");
    }
}
