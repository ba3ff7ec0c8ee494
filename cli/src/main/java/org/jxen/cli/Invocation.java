package org.jxen.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jxen.Hypervisor;
import org.jxen.JxenException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One run of {@code jxen}: splits the call into commands, checks them all before running any
 * (as virsh parses a whole line first), connects once, and runs them in order or reads them from
 * standard input. Every failure is one {@code error:} line on standard error; stack traces only
 * with {@code --debug}.
 */
final class Invocation {

    private static final int USAGE = 2;
    private static final int FAILED = 1;
    /**
     * The commands, in the order usage lists them. picocli builds a command's model, reflecting on
     * its annotations, when the command is added: seconds at every start under emulation, so a call
     * adds only the commands it names, and all of them when it needs the list (help, usage of the
     * whole call, an unknown word).
     */
    private static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(Map.entry("list", ListCommand.class),
            Map.entry("nodeinfo", NodeinfoCommand.class), Map.entry("vcpuinfo", VcpuinfoCommand.class),
            Map.entry("vcpupin", VcpupinCommand.class), Map.entry("setvcpus", SetvcpusCommand.class),
            Map.entry("vcpucount", VcpucountCommand.class), Map.entry("help", CommandLine.HelpCommand.class),
            Map.entry("quit", QuitCommand.class));

    /** What a parsed command asks for. */
    private enum Kind {
        /** A command that needs the host. */
        HOST,
        /** {@code --help}, {@code --version} or {@code help}: printed without a connection. */
        HELP,
        /** {@code quit} or {@code exit}. */
        QUIT,
        /** Only jxen's own options, no command. */
        NONE
    }

    /**
     * A command that parsed, kept as words: picocli's command objects are reused by the next parse.
     *
     * @param words the command's words
     * @param kind what it asks for
     */
    private record Parsed(List<String> words, Kind kind) {
    }

    /** The exit status of a run: 0 until a command fails, then that command's. */
    private static final class Status {
        private int value;

        void add(int commandStatus) {
            if (value == 0) {
                value = commandStatus;
            }
        }
    }

    private final Environment environment;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** The options of the whole call and picocli's model of it; both replaced once by {@link #addAllCommands}. */
    private Jxen options;
    private CommandLine commandLine;
    /** -c and --debug as the first command gave them. */
    private URI connect;
    private boolean debug;

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
        newCommandLine();
    }

    private void newCommandLine() {
        options = new Jxen();
        commandLine = new CommandLine(options);
        configure();
    }

    /** Sets the streams and colours of the model and its commands: picocli gives them only to those added already. */
    private void configure() {
        // Plain text: picocli's terminal detection is not reliable on JDK 22+, and usage goes to pipes too.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
    }

    /**
     * Adds the command the words name, or every command when they name none of the host commands
     * or quit (help lists them all).
     */
    private void addCommand(List<String> words) {
        int n = leadingOptions(words);
        String name = n < words.size() ? words.get(n) : "";
        if (commandLine.getSubcommands().containsKey(name)) {
            return;
        }
        for (Map.Entry<String, Class<?>> command : COMMANDS) {
            if (command.getKey().equals(name) && !name.equals("help")) {
                commandLine.addSubcommand(command.getValue());
                configure();
                return;
            }
        }
        addAllCommands();
    }

    /**
     * Every command, in usage's order: a new model when some were added already. help comes only
     * with all the others, so its presence says they are all there.
     */
    private void addAllCommands() {
        Map<String, CommandLine> added = commandLine.getSubcommands();
        if (added.containsKey("help")) {
            return;
        }
        if (!added.isEmpty()) {
            newCommandLine();
        }
        for (Map.Entry<String, Class<?>> command : COMMANDS) {
            commandLine.addSubcommand(command.getValue());
        }
        configure();
    }

    /**
     * Runs a call.
     *
     * @param args the command-line arguments
     * @return the exit status: 0, or that of the first command that failed (1, or 2 for usage)
     */
    int run(List<String> args) {
        List<Parsed> commands;
        try {
            commands = parseAll(split(args), true);
        } catch (UsageException e) {
            return usageError(e.getMessage(), commandLine);
        } catch (ParameterException e) {
            return usageError(e);
        }
        if (commands.stream().allMatch(c -> c.kind() == Kind.NONE)) {
            return shell();
        }
        Session session = null;
        if (commands.stream().anyMatch(c -> c.kind() == Kind.HOST)) {
            session = connect();
            if (session == null) {
                return FAILED;
            }
        }
        try (Session s = session) {
            Status status = new Status();
            runAll(commands, s, status);
            return status.value;
        }
    }

    /**
     * Splits the arguments into commands; jxen's own leading options join the first command, and
     * one argument left after them is split as a line, like virsh ({@code jxen -c URI 'a; b'}).
     */
    private List<List<String>> split(List<String> args) {
        int n = leadingOptions(args);
        List<List<String>> commands = new ArrayList<>(Words.ofArgs(args.subList(n, args.size())));
        if (n > 0) {
            List<String> first = new ArrayList<>(args.subList(0, n));
            if (!commands.isEmpty()) {
                first.addAll(commands.removeFirst());
            }
            commands.addFirst(first);
        }
        return commands;
    }

    /** Counts the leading arguments that are jxen's own options and their values. */
    private int leadingOptions(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            OptionSpec option = commandLine.getCommandSpec().findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null) {
                break;
            }
            i += option.arity().max() > 0 && equals < 0 ? 2 : 1;
        }
        return Math.min(i, args.size());
    }

    /** Parses every command before any runs, so that a usage error anywhere runs nothing. */
    private List<Parsed> parseAll(List<List<String>> commands, boolean firstMayHaveOptions) {
        List<Parsed> parsed = new ArrayList<>();
        for (List<String> words : commands) {
            parsed.add(parse(words, firstMayHaveOptions && parsed.isEmpty()));
        }
        return parsed;
    }

    /**
     * Parses one command to check it. Only the first may carry jxen's own options; they are kept
     * at once, since the next parse resets them.
     */
    private Parsed parse(List<String> words, boolean first) {
        addCommand(words);
        ParseResult result = commandLine.parseArgs(words.toArray(String[]::new));
        if (first) {
            connect = options.connect;
            debug = options.debug;
        } else if (result.hasMatchedOption("--connect") || result.hasMatchedOption("--debug")) {
            throw new UsageException("-c/--connect and --debug are options of the whole call:"
                    + " give them before the first command (jxen -c URI COMMAND)");
        }
        return new Parsed(words, kind(result));
    }

    private static Kind kind(ParseResult root) {
        if (root.isUsageHelpRequested() || root.isVersionHelpRequested()) {
            return Kind.HELP;
        }
        if (!root.hasSubcommand()) {
            return Kind.NONE;
        }
        ParseResult command = root.subcommand();
        if (command.isUsageHelpRequested() || command.commandSpec().helpCommand()) {
            return Kind.HELP;
        }
        return command.commandSpec().userObject() instanceof HostCommand ? Kind.HOST : Kind.QUIT;
    }

    /**
     * Runs commands in order, going on after a failure as virsh does.
     *
     * @return true when one of them was quit
     */
    private boolean runAll(List<Parsed> commands, Session session, Status status) {
        for (Parsed command : commands) {
            if (command.kind() == Kind.QUIT) {
                return true;
            }
            if (command.kind() != Kind.NONE) {
                status.add(execute(command, session));
            }
        }
        return false;
    }

    /** Reads commands from standard input on one connection; a failed line is reported and the shell goes on. */
    private int shell() {
        Session session = connect();
        if (session == null) {
            return FAILED;
        }
        Status status = new Status();
        try (session) {
            new Shell(in, out, environment.terminal().getAsBoolean()).run(line -> runLine(line, session, status));
        } catch (UncheckedIOException e) {
            status.add(report(e));
        }
        return status.value;
    }

    /** Runs one shell line; true when it said quit. */
    private boolean runLine(String line, Session session, Status status) {
        List<Parsed> commands;
        try {
            commands = parseAll(Words.ofLine(line), false);
        } catch (UsageException e) {
            status.add(usageError(e.getMessage(), commandLine));
            return false;
        } catch (ParameterException e) {
            status.add(usageError(e));
            return false;
        }
        return runAll(commands, session, status);
    }

    private Session connect() {
        try {
            URI uri = connect != null ? connect : environment.defaultUri(err);
            return new Session(Hypervisor.open(uri), out);
        } catch (RuntimeException e) {
            report(e);
            return null;
        }
    }

    /** Runs one command that parsed; a refusal from the host is an error line and status 1. */
    private int execute(Parsed command, Session session) {
        try {
            ParseResult result = commandLine.parseArgs(command.words().toArray(String[]::new));
            if (command.kind() == Kind.HELP) {
                CommandLine.printHelpIfRequested(result);
                return 0;
            }
            ((HostCommand) result.subcommand().commandSpec().userObject()).run(session);
            return 0;
        } catch (ParameterException e) {
            return usageError(e);
        } catch (RuntimeException e) {
            return report(e);
        } finally {
            commandLine.getOut().flush();
            out.flush();
        }
    }

    private int report(RuntimeException e) {
        // The host's refusals carry a complete message; anything else is shown with its type.
        err.println("error: " + (e instanceof JxenException ? e.getMessage() : e.toString()));
        if (debug) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    private int usageError(ParameterException e) {
        String message = e.getMessage();
        // picocli counts the index over the whole call (options and earlier words included): name the word instead.
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            String word = unmatched.getUnmatched().getFirst();
            message = (e.getCommandLine() == commandLine ? "unknown command '" : "unexpected argument '") + word + "'";
        }
        return usageError(message, e.getCommandLine());
    }

    /** One error line, then the usage of the command that was wrong. */
    private int usageError(String message, CommandLine command) {
        err.println("error: " + message);
        if (command == commandLine) {
            // the whole call's usage lists every command
            addAllCommands();
            command = commandLine;
        }
        command.usage(err);
        return USAGE;
    }
}
