package org.jxen.xenstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where xenstored is reached: its unix socket, or the xenbus device (a file opened read-write that
 * carries the same byte protocol).
 */
public sealed interface XenstoreEndpoint {

    /**
     * The socket or device file.
     *
     * @return the path
     */
    Path path();

    /**
     * xenstored's unix stream socket.
     *
     * @param path the socket file
     */
    record UnixSocket(Path path) implements XenstoreEndpoint {
        /** Checks for null. */
        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The kernel's xenbus device, e.g. {@code /dev/xen/xenbus}.
     *
     * @param path the device file
     */
    record Device(Path path) implements XenstoreEndpoint {
        /** Checks for null. */
        public Device {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Finds the endpoint as libxenstore's {@code xs_open} does, from this process's environment.
     *
     * @return the endpoint to open
     * @see #discover(UnaryOperator)
     */
    static XenstoreEndpoint discover() {
        return discover(System::getenv);
    }

    /**
     * Finds the endpoint as libxenstore's {@code xs_open} does: {@code $XENSTORED_PATH} when set
     * (a socket if it is one, else a device, since libxenstore uses it for both); else the first
     * socket of {@code $XENSTORED_RUNDIR/socket} when that is set, or of
     * {@code /run/xenstored/socket} and {@code /var/run/xenstored/socket}; else
     * {@code /dev/xen/xenbus}, or the legacy {@code /proc/xen/xenbus} when that device is absent.
     *
     * @param environment looks up an environment variable, null when unset
     * @return the endpoint to open (it need not exist: opening it then fails and names it)
     */
    static XenstoreEndpoint discover(UnaryOperator<String> environment) {
        String explicit = environment.apply("XENSTORED_PATH");
        if (explicit != null) {
            Path path = Path.of(explicit);
            return isSocket(path) ? new UnixSocket(path) : new Device(path);
        }
        String rundir = environment.apply("XENSTORED_RUNDIR");
        List<Path> sockets = rundir != null
                ? List.of(Path.of(rundir, "socket"))
                : List.of(Path.of("/run/xenstored/socket"), Path.of("/var/run/xenstored/socket"));
        for (Path socket : sockets) {
            if (isSocket(socket)) {
                return new UnixSocket(socket);
            }
        }
        Path device = Path.of("/dev/xen/xenbus");
        return new Device(Files.exists(device) ? device : Path.of("/proc/xen/xenbus"));
    }

    private static boolean isSocket(Path path) {
        final int fileTypeMask = 0170000;
        final int socketType = 0140000;
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & fileTypeMask) == socketType;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // absent, unreadable, or no unix attributes: not a socket we can use
        }
    }
}
