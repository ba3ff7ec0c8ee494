package org.jxen.xend;

import java.nio.file.Path;
import java.util.Objects;

/** Where xend listens: its unix socket or its TCP port. */
public sealed interface XendEndpoint permits XendEndpoint.Unix, XendEndpoint.Tcp {

    /** xend's unix socket path in every version ({@code xend-unix-path}). */
    Path DEFAULT_SOCKET = Path.of("/var/lib/xend/xend-socket");

    /** xend's TCP port in every version ({@code xend-port}). */
    int DEFAULT_PORT = 8000;

    /**
     * Returns xend's unix socket at its default path.
     *
     * @return the endpoint
     */
    static XendEndpoint defaultSocket() {
        return new Unix(DEFAULT_SOCKET);
    }

    /**
     * xend's unix socket ({@code xend-unix-server}).
     *
     * @param path the socket file
     */
    record Unix(Path path) implements XendEndpoint {
        /**
         * Checks the path.
         *
         * @param path the socket file
         */
        public Unix {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * xend's TCP server ({@code xend-http-server}).
     *
     * @param host the host name or address
     * @param port the port, 1 to 65535 (xend's default is {@link #DEFAULT_PORT})
     */
    record Tcp(String host, int port) implements XendEndpoint {
        /**
         * Checks the host and port.
         *
         * @param host the host name or address
         * @param port the port, 1 to 65535
         */
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not in 1..65535");
            }
        }
    }
}
