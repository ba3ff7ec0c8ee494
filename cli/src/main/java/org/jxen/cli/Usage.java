package org.jxen.cli;

import java.util.ArrayList;
import java.util.List;

/** The help texts, written from the {@link Grammar}: one for the whole call, one per command. */
final class Usage {

    private static final List<String> DESCRIPTION = List.of(
            "Manage the vCPUs of Xen domains (count, pinning, per-vCPU state) with virsh's",
            "commands. Commands separated by ; run one after the other on one connection.",
            "Without a command, jxen reads commands from standard input (an interactive",
            "shell on a terminal).");
    private static final List<Row> OPTIONS = List.of(
            new Row("-c, --connect URI", "The host: xen:/// (this dom0), test:///default or",
                    "test:///ABSOLUTE/PATH.json (simulated). Default:",
                    "$" + Environment.DEFAULT_URI_VARIABLE + ", else xen:/// when /dev/xen/privcmd",
                    "exists, else test:///default."),
            new Row(Grammar.DEBUG, "Print the stack trace of an error."),
            new Row("-h, --help", "Show this help, or after a command, the command's."),
            new Row("-V, --version", "Print jxen's version."));
    private static final List<String> FOOTER = List.of(
            "DOMAIN is a name, an id or a UUID. Every command but help, quit and top takes --json.",
            "Exit status: 0 when every command succeeded; else that of the first that failed:",
            "1 when the host refused it, 2 for a usage error (then nothing runs).");
    private static final Row COMMAND_HELP = new Row("-h, --help", "Show this help.");

    /**
     * A line of a two-column list: a name and its explanation, which may go on over more lines.
     *
     * @param name the left column
     * @param text the right column, one entry per line
     */
    private record Row(String name, List<String> text) {
        Row(String name, String... text) {
            this(name, List.of(text));
        }
    }

    private Usage() {
    }

    /**
     * Writes the help of the whole call: the options, then every command with its arguments and a summary.
     *
     * @return the text, ending with a newline
     */
    static String root() {
        StringBuilder s = new StringBuilder("Usage: jxen [-c URI] [--debug] [COMMAND [ARG...] [; COMMAND [ARG...]]...]\n");
        DESCRIPTION.forEach(line -> s.append(line).append('\n'));
        s.append("Options:\n");
        rows(s, OPTIONS);
        s.append("Commands:\n");
        for (Syntax c : Grammar.COMMANDS) {
            // each on two lines, as virsh's help does: the command line, then what it does
            s.append("  ").append(c.names()).append(c.arguments(false)).append('\n');
            s.append("      ").append(c.description().getFirst()).append('\n');
        }
        s.append('\n');
        FOOTER.forEach(line -> s.append(line).append('\n'));
        return s.toString();
    }

    /**
     * Writes the help of one command: its command line, what it does, its parameters and options.
     *
     * @param command the command's grammar
     * @return the text, ending with a newline
     */
    static String of(Syntax command) {
        StringBuilder s = new StringBuilder("Usage: jxen ").append(command.name()).append(command.arguments(true)).append('\n');
        command.description().forEach(line -> s.append(line).append('\n'));
        if (!command.aliases().isEmpty()) {
            s.append("Also: ").append(String.join(", ", command.aliases())).append('\n');
        }
        List<Row> rows = new ArrayList<>();
        command.params().forEach(p -> rows.add(new Row(p.label(), p.description())));
        command.flags().forEach(f -> rows.add(new Row(f.usage(), f.description())));
        rows.add(COMMAND_HELP);
        rows(s, rows);
        return s.toString();
    }

    /** Two columns, the second starting after the widest name. */
    private static void rows(StringBuilder s, List<Row> rows) {
        int width = rows.stream().mapToInt(r -> r.name().length()).max().orElse(0) + 2;
        for (Row r : rows) {
            String name = r.name();
            for (String line : r.text()) {
                s.append("  ").append(name).append(" ".repeat(width - name.length())).append(line).append('\n');
                name = "";
            }
        }
    }
}
