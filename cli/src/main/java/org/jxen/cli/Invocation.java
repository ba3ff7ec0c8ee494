package org.jxen.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.jxen.Hypervisor;
import org.jxen.JxenException;

/**
 * One run of {@code jxen}: the {@link Parser} checks the whole call first, then this connects once
 * and runs the commands in order, or reads them from standard input. Every failure is one
 * {@code error:} line on standard error; stack traces only with {@code --debug}.
 */
final class Invocation {

    private static final int USAGE = 2;
    private static final int FAILED = 1;

    /**
     * What running some commands gave.
     *
     * @param status 0, or the status of the first that failed
     * @param quit whether one of them was quit
     */
    private record Outcome(int status, boolean quit) {
    }

    private final Environment environment;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * Prepares a run.
     *
     * @param environment what is read from the machine
     * @param in the shell's input
     * @param out where results go
     * @param err where errors and notes go
     */
    Invocation(Environment environment, InputStream in, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs a call.
     *
     * @param args the command-line arguments
     * @return the exit status: 0, or that of the first command that failed (1, or 2 for usage)
     */
    int run(List<String> args) {
        Call call;
        try {
            call = Parser.call(args);
        } catch (UsageException e) {
            return usageError(e);
        }
        if (call.commands().isEmpty()) {
            return shell(call);
        }
        if (call.commands().stream().noneMatch(HostCommand.class::isInstance)) {
            return runAll(call.commands(), null, call.debug()).status();
        }
        try (Session session = connect(call)) {
            return session == null ? FAILED : runAll(call.commands(), session, call.debug()).status();
        }
    }

    /** Reads commands from standard input on one connection; a failed line is reported and the shell goes on. */
    private int shell(Call call) {
        try (Session session = connect(call)) {
            if (session == null) {
                return FAILED;
            }
            Shell shell = new Shell(in, out, environment.terminal().getAsBoolean());
            int status = 0;
            try {
                for (String line = shell.readLine(); line != null; line = shell.readLine()) {
                    Outcome outcome = runLine(line, session, call.debug());
                    status = first(status, outcome.status());
                    if (outcome.quit()) {
                        break;
                    }
                }
            } catch (UncheckedIOException e) {
                status = first(status, report(e, call.debug()));
            }
            return status;
        }
    }

    private Outcome runLine(String line, Session session, boolean debug) {
        try {
            return runAll(Parser.line(line), session, debug);
        } catch (UsageException e) {
            return new Outcome(usageError(e), false);
        }
    }

    /** Opens the host; null when it cannot be opened, which is reported. */
    private Session connect(Call call) {
        try {
            URI uri = call.connect().isPresent() ? call.connect().get() : environment.defaultUri(err);
            return new Session(Hypervisor.open(uri), out, in, environment.terminal());
        } catch (RuntimeException e) {
            report(e, call.debug());
            return null;
        }
    }

    /** Runs commands in order, going on after a failure as virsh does; quit ends them. */
    private Outcome runAll(List<Command> commands, Session session, boolean debug) {
        int status = 0;
        for (Command command : commands) {
            if (command instanceof QuitCommand) {
                return new Outcome(status, true);
            }
            status = first(status, execute(command, session, debug));
        }
        return new Outcome(status, false);
    }

    /** Runs one command; a refusal from the host is an error line and status 1. */
    private int execute(Command command, Session session, boolean debug) {
        try {
            switch (command) {
                case HostCommand host -> host.run(session);
                case HelpCommand help -> help.print(out);
                case VersionCommand version -> version.print(out);
                case QuitCommand quit -> { } // runAll stops before it
            }
            return 0;
        } catch (RuntimeException e) {
            return report(e, debug);
        } finally {
            out.flush();
        }
    }

    private static int first(int status, int next) {
        return status != 0 ? status : next;
    }

    private int report(RuntimeException e, boolean debug) {
        // The host's refusals carry a complete message; anything else is shown with its type.
        err.println("error: " + (e instanceof JxenException ? e.getMessage() : e.toString()));
        if (debug) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    /** One error line, then the usage of the command that was wrong. */
    private int usageError(UsageException e) {
        err.println("error: " + e.getMessage());
        err.print(e.usage());
        return USAGE;
    }
}
