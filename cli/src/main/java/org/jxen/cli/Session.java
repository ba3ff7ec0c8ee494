package org.jxen.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.jxen.Hypervisor;

/**
 * One connection, shared by every command of a call or a shell session, so that what one command
 * changes the next one sees (also on {@code test:///}, where each connection is a new host).
 */
final class Session implements AutoCloseable {

    private final Hypervisor hypervisor;
    private final PrintStream out;
    private final InputStream in;
    private final BooleanSupplier terminal;

    /**
     * Wraps an open connection.
     *
     * @param hypervisor the connection; the session closes it
     * @param out where commands print their results
     * @param in where keys come from, for {@code top}
     * @param terminal tells whether a person types at a terminal (asked only by {@code top})
     */
    Session(Hypervisor hypervisor, PrintStream out, InputStream in, BooleanSupplier terminal) {
        this.hypervisor = hypervisor;
        this.out = out;
        this.in = in;
        this.terminal = terminal;
    }

    /**
     * Returns where keys come from.
     *
     * @return standard input
     */
    InputStream in() {
        return in;
    }

    /**
     * Tells whether standard input is a terminal, so that {@code top} may put it in raw mode.
     *
     * @return true for a person at a terminal
     */
    boolean terminal() {
        return terminal.getAsBoolean();
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
