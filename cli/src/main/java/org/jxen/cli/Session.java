package org.jxen.cli;

import java.io.PrintStream;
import org.jxen.Hypervisor;

/**
 * One connection, shared by every command of a call or a shell session, so that what one command
 * changes the next one sees (also on {@code test:///}, where each connection is a new host).
 */
final class Session implements AutoCloseable {

    private final Hypervisor hypervisor;
    private final PrintStream out;

    /**
     * Wraps an open connection.
     *
     * @param hypervisor the connection; the session closes it
     * @param out where commands print their results
     */
    Session(Hypervisor hypervisor, PrintStream out) {
        this.hypervisor = hypervisor;
        this.out = out;
    }

    /**
     * Returns the connection.
     *
     * @return the host
     */
    Hypervisor hypervisor() {
        return hypervisor;
    }

    /**
     * Returns where results go.
     *
     * @return standard output
     */
    PrintStream out() {
        return out;
    }

    @Override
    public void close() {
        hypervisor.close();
    }
}
