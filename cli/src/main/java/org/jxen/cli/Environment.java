package org.jxen.cli;

import java.io.Console;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jxen.ErrorCode;
import org.jxen.JxenException;

/**
 * What jxen reads from the machine, in one place so that tests can set it: the environment
 * variables, where the privcmd device would be, and whether standard input is a terminal.
 *
 * @param variables the environment ({@value #DEFAULT_URI_VARIABLE} is read)
 * @param privcmd {@code /dev/xen/privcmd}, whose presence means "this is a Xen dom0"
 * @param terminal tells whether the shell should prompt; asked only when the shell starts
 */
record Environment(Map<String, String> variables, Path privcmd, BooleanSupplier terminal) {

    /** Names the URI to use without {@code -c}, like libvirt's LIBVIRT_DEFAULT_URI. */
    static final String DEFAULT_URI_VARIABLE = "JXEN_DEFAULT_URI";

    /**
     * Returns this machine's environment.
     *
     * @return the process's variables, the real device path, and the console's answer
     */
    static Environment system() {
        return new Environment(System.getenv(), Path.of("/dev/xen/privcmd"), () -> {
            Console console = System.console();
            return console != null && console.isTerminal();
        });
    }

    /**
     * Chooses the host when {@code -c} was not given: {@value #DEFAULT_URI_VARIABLE} if set, else
     * {@code xen:///} on a dom0 and {@code test:///default} elsewhere, saying on {@code err} which
     * one was chosen (so that nobody mistakes the simulated host for theirs).
     *
     * @param err where to say it
     * @return the URI
     * @throws JxenException INVALID_ARG when the variable holds no URI
     */
    URI defaultUri(PrintStream err) {
        String fromVariable = variables.get(DEFAULT_URI_VARIABLE);
        if (fromVariable != null && !fromVariable.isBlank()) {
            try {
                return new URI(fromVariable);
            } catch (URISyntaxException e) {
                throw new JxenException(ErrorCode.INVALID_ARG,
                        DEFAULT_URI_VARIABLE + " is not a URI: " + e.getMessage());
            }
        }
        if (Files.exists(privcmd)) {
            err.println("jxen: " + privcmd + " found, using xen:///");
            return URI.create("xen:///");
        }
        err.println("jxen: no Xen here (" + privcmd + " missing), using test:///default");
        return URI.create("test:///default");
    }
}
