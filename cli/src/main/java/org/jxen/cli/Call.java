package org.jxen.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A whole {@code jxen} call, parsed: jxen's own options and the commands in order.
 *
 * @param connect the host {@code -c} named, or empty for the default one
 * @param debug whether errors print their stack trace
 * @param commands the commands; none means the shell
 */
record Call(Optional<URI> connect, boolean debug, List<Command> commands) {

    /**
     * Makes the call, copying the list.
     *
     * @param connect the host {@code -c} named, or empty
     * @param debug whether errors print their stack trace
     * @param commands the commands
     */
    Call {
        commands = List.copyOf(commands);
    }
}
