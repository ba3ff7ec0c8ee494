package org.jxen.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code jxen} command: vCPU management of Xen domains with virsh's command names. This class
 * is the entry point; {@link Invocation} runs a call.
 */
public final class Jxen {

    private Jxen() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the command line on given streams, as {@link #main} does but without exiting: for tests
     * and for embedding.
     *
     * @param args the command-line arguments
     * @param in the shell's input, read when no command is given
     * @param out where results go
     * @param err where errors and notes go
     * @return the exit status: 0, 1 (the host refused a command) or 2 (usage error)
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return new Invocation(Environment.system(), in, out, err).run(List.of(args));
    }
}
