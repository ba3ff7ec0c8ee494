package org.jxen.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal of {@code top} while it runs: keys arrive one at a time without echo ({@code stty
 * -icanon -echo} on /dev/tty, the only way the JDK leaves), the cursor is hidden and the frames go to
 * the alternate screen. {@link #close()} puts everything back, and so does a shutdown hook when
 * Ctrl-C ends the JVM first; Ctrl-C still raises its signal ({@code isig} is left on).
 */
final class RawTerminal implements AutoCloseable {

    private static final File TTY = new File("/dev/tty");
    /** Alternate screen on, cursor hidden; and the reverse. */
    private static final String ENTER = "\033[?1049h\033[?25l";
    private static final String LEAVE = "\033[?25h\033[?1049l";

    private final String saved;
    private final PrintStream out;
    private final Thread hook;
    private boolean restored;

    private RawTerminal(String saved, PrintStream out) {
        this.saved = saved;
        this.out = out;
        this.hook = new Thread(this::restore, "jxen-top-terminal");
    }

    /**
     * Puts the terminal in raw mode.
     *
     * @param out where the screen control goes
     * @return the terminal, to close
     * @throws UncheckedIOException when stty cannot read or set /dev/tty
     */
    static RawTerminal enter(PrintStream out) {
        RawTerminal t = new RawTerminal(stty("-g").strip(), out);
        Runtime.getRuntime().addShutdownHook(t.hook);
        stty("-icanon", "-echo", "min", "1");
        out.print(ENTER);
        out.flush();
        return t;
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook has run or is running: nothing left to undo
        }
    }

    /** Once, from close or from the hook, whichever comes first. */
    private synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        out.print(LEAVE);
        out.flush();
        stty(saved);
    }

    /** Runs stty on the controlling terminal and returns what it printed. */
    private static String stty(String... args) {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (p.waitFor() != 0) {
                throw new UncheckedIOException(new IOException(String.join(" ", command) + " on " + TTY + " failed"));
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run stty on " + TTY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while running stty", e));
        }
    }
}
