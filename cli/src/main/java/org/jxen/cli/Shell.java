package org.jxen.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * The input of {@code jxen} without a command: lines from standard input until its end,
 * welcoming and prompting ({@code jxen# }) only on a terminal, so that piped input gives the
 * commands' output alone.
 */
final class Shell {

    private final BufferedReader lines;
    private final PrintStream out;
    private final boolean terminal;

    /**
     * Starts the shell: welcomes on a terminal.
     *
     * @param in where lines come from
     * @param out where the welcome and the prompt go
     * @param terminal whether a person is typing
     */
    Shell(InputStream in, PrintStream out, boolean terminal) {
        this.lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        this.out = out;
        this.terminal = terminal;
        if (terminal) {
            out.println("Welcome to jxen. Type 'help' for the commands, 'quit' to leave.");
        }
    }

    /**
     * Prompts on a terminal and reads the next line.
     *
     * @return the line, or null at the end of the input
     * @throws UncheckedIOException when standard input cannot be read
     */
    String readLine() {
        if (terminal) {
            out.print("jxen# ");
            out.flush();
        }
        try {
            String line = lines.readLine();
            if (line == null && terminal) {
                out.println(); // the cursor is after the prompt when ^D ends the input
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
