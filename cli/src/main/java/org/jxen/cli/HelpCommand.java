package org.jxen.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code help [COMMAND]}, {@code COMMAND --help} or {@code jxen --help}: prints a usage text, made
 * when the call was parsed.
 *
 * @param text the usage, ending with a newline
 */
record HelpCommand(String text) implements Command {

    /** Its grammar: the command to explain, else the whole call. */
    static final Syntax SYNTAX = new Syntax("help", List.of("Show the commands, or the usage of COMMAND."),
            List.of(new Syntax.Param("COMMAND", false, "the command to explain")), List.of(),
            a -> new HelpCommand(a.text(0) == null ? Usage.root() : Usage.of(Grammar.find(a.text(0)))));

    /**
     * Prints the usage.
     *
     * @param out standard output
     */
    void print(PrintStream out) {
        out.print(text);
    }
}
