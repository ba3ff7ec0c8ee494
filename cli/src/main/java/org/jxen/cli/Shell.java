package org.jxen.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.function.Predicate;

/**
 * The loop of {@code jxen} without a command: reads lines from standard input until its end or a
 * quit, welcoming and prompting ({@code jxen# }) only on a terminal, so that piped input gives
 * the commands' output alone.
 */
final class Shell {

    private final InputStream in;
    private final PrintStream out;
    private final boolean terminal;

    /**
     * Prepares the loop.
     *
     * @param in where lines come from
     * @param out where the prompt goes
     * @param terminal whether a person is typing
     */
    Shell(InputStream in, PrintStream out, boolean terminal) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Reads and runs lines.
     *
     * @param line runs one line; answers true when the line asked to quit
     * @throws UncheckedIOException when standard input cannot be read
     */
    void run(Predicate<String> line) {
        if (terminal) {
            out.println("Welcome to jxen. Type 'help' for the commands, 'quit' to leave.");
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        try {
            while (true) {
                if (terminal) {
                    out.print("jxen# ");
                    out.flush();
                }
                String text = lines.readLine();
                if (text == null) {
                    if (terminal) {
                        out.println(); // the cursor is after the prompt when ^D ends the input
                    }
                    return;
                }
                if (line.test(text)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
