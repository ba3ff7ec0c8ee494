package org.jxen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code jxen} command: vCPU management of Xen domains with virsh's command names. This class
 * is the entry point and picocli's model of the options of the whole call; {@link Invocation}
 * adds the commands and runs a call.
 */
@Command(name = "jxen", mixinStandardHelpOptions = true, versionProvider = Jxen.Version.class,
        customSynopsis = "jxen [-c URI] [--debug] [COMMAND [ARG...] [; COMMAND [ARG...]]...]",
        description = {
            "Manage the vCPUs of Xen domains: count, pinning and per-vCPU state, with virsh's commands.",
            "Commands separated by ; run one after the other on one connection. Without a command, "
                + "jxen reads commands from standard input (an interactive shell on a terminal)."},
        footer = {"", "DOMAIN is a name, an id or a UUID. Every command takes --json.",
            "Exit status: 0 when every command succeeded; else that of the first that failed: "
                + "1 when the host refused it, 2 for a usage error (then nothing runs)."})
public final class Jxen {

    @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = {
        "The host: xen:/// (this dom0), test:///default or test:///ABSOLUTE/PATH.json (simulated).",
        "Default: $" + Environment.DEFAULT_URI_VARIABLE + ", else xen:/// when /dev/xen/privcmd exists, "
            + "else test:///default."})
    URI connect;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    /** Creates the holder of the call's options; {@link Invocation} gives it to picocli. */
    Jxen() {
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

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Jxen.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"jxen " + p.getProperty("version", "unknown")};
        }
    }
}
