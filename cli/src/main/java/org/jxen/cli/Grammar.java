package org.jxen.cli;

import java.util.List;

/** The commands jxen knows, in the order help lists them, and jxen's own options. */
final class Grammar {

    /** Every command. */
    static final List<Syntax> COMMANDS = List.of(ListCommand.SYNTAX, NodeinfoCommand.SYNTAX, VcpuinfoCommand.SYNTAX,
            VcpupinCommand.SYNTAX, SetvcpusCommand.SYNTAX, VcpucountCommand.SYNTAX, DomstatsCommand.SYNTAX,
            TopCommand.SYNTAX, HelpCommand.SYNTAX,
            QuitCommand.SYNTAX);
    /** The host to connect to; only before the first command. */
    static final List<String> CONNECT = List.of("-c", "--connect");
    /** Print stack traces; only before the first command. */
    static final String DEBUG = "--debug";
    /** The usage of the whole call, or after a command, of that command. */
    static final List<String> HELP = List.of("-h", "--help");
    /** jxen's version, instead of a command. */
    static final List<String> VERSION = List.of("-V", "--version");

    private Grammar() {
    }

    /**
     * Finds a command by name.
     *
     * @param name the first word of a command
     * @return its grammar
     * @throws UsageException when no command has that name
     */
    static Syntax find(String name) {
        return COMMANDS.stream().filter(s -> s.isNamed(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown command '" + name + "'"));
    }

    /**
     * Tells whether an option belongs to the whole call, so that it is misplaced after the first command.
     *
     * @param option a word that starts with {@code -}
     * @return true for {@code -c}, {@code --connect} (maybe with {@code =URI}) and {@code --debug}
     */
    static boolean isCallOption(String option) {
        int equals = option.indexOf('=');
        return CONNECT.contains(equals < 0 ? option : option.substring(0, equals)) || option.equals(DEBUG);
    }
}
