package org.jxen.testing;

import java.util.function.Consumer;

/**
 * One of the simulated host's daemons, xenstored or xend, and the ways it can break as a real one
 * does. A change applies to the requests that arrive after it, on every connection, until
 * {@link #behave()}. Thread-safe: a test may break a daemon while the code under test is talking to
 * it. {@link SimulatedXen#xenstored()} and {@link SimulatedXen#xend()} say what each mode means for
 * that daemon and what jxen then reports.
 */
public final class Daemon {

    /** How the daemon answers. */
    enum Mode { BEHAVE, STALL, DROP, REFUSE }

    private final String name;
    private final Consumer<Mode> steer;

    Daemon(String name, Consumer<Mode> steer) {
        this.name = name;
        this.steer = steer;
    }

    /**
     * Makes the daemon read requests and never answer, as a daemon that hangs does: callers wait
     * for their client's timeout ({@link SimulatedXen.Builder#daemonTimeout(java.time.Duration)}).
     */
    public void stall() {
        steer.accept(Mode.STALL);
    }

    /** Makes the daemon close the connection in the middle of each reply, as a daemon that crashes does. */
    public void drop() {
        steer.accept(Mode.DROP);
    }

    /** Makes the daemon refuse every request; what that means is the daemon's own (see its accessor). */
    public void refuse() {
        steer.accept(Mode.REFUSE);
    }

    /** Makes the daemon answer correctly again, from the next request (or connection) on. */
    public void behave() {
        steer.accept(Mode.BEHAVE);
    }

    /**
     * Names the daemon.
     *
     * @return {@code xenstored} or {@code xend}
     */
    @Override
    public String toString() {
        return name;
    }
}
