package org.jxen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalInt;
import org.jxen.Hypervisor;
import org.jxen.VcpuSnapshot;

/**
 * {@code top}: each domain's and vCPU's CPU use, refreshed every few seconds, as xentop shows it.
 * On a terminal the screen is redrawn and {@code q} quits (Ctrl-C too: the terminal is restored
 * either way); {@code --batch} writes plain frames one after the other for scripts, as
 * {@code xentop -b} does. Every frame is one all-domains read; the figures are the CPU use since
 * the frame before, so the first frame has none.
 *
 * @param delayMillis the time between two frames
 * @param iterations how many frames, or empty for frames until quit
 * @param batch whether to write plain frames without screen control or keys
 */
record TopCommand(long delayMillis, OptionalInt iterations, boolean batch) implements HostCommand {

    private static final Syntax.Flag DELAY = new Syntax.Flag("--delay", "S",
            "Seconds between frames, 0.1 to 86400 (default 3), as xentop's --delay.");
    private static final Syntax.Flag ITERATIONS = new Syntax.Flag("--iterations", "N",
            "Stop after N frames (default: until q, Ctrl-C or, in batch mode, forever).");
    private static final Syntax.Flag BATCH = new Syntax.Flag("--batch",
            "Plain text frames on standard output, no screen control and no keys (xentop -b).");
    private static final double DEFAULT_DELAY_SECONDS = 3;
    private static final double MAX_DELAY_SECONDS = 86_400;
    /** How often the keyboard is looked at while waiting for the next frame. */
    private static final long KEY_POLL_MILLIS = 50;
    /** Cursor home and clear the screen, so that each frame replaces the last. */
    private static final String CLEAR = "\033[H\033[2J";
    /** End of text: Ctrl-C when the terminal does not turn it into a signal. */
    private static final int CTRL_C = 3;

    /** Its grammar: options only. */
    static final Syntax SYNTAX = new Syntax("top",
            List.of("Show every domain's and vCPU's CPU use, refreshed, as xentop: q or Ctrl-C quits.",
                    "CPU(%) is CPU time over wall time between two frames, 100 for one physical CPU."),
            List.of(), List.of(DELAY, ITERATIONS, BATCH),
            a -> new TopCommand(Math.round(a.decimal(DELAY, 0.1, MAX_DELAY_SECONDS).orElse(DEFAULT_DELAY_SECONDS) * 1000),
                    a.integer(ITERATIONS, 1, Integer.MAX_VALUE), a.has(BATCH)));

    @Override
    public void run(Session session) {
        PrintStream out = session.out();
        if (batch) {
            frames(session.hypervisor(), out, null);
            return;
        }
        try (RawTerminal raw = session.terminal() ? RawTerminal.enter(out) : null) {
            frames(session.hypervisor(), out, session.in());
        }
    }

    /** Draws frames until the count is reached or a key quits; {@code keys} is null in batch mode. */
    private void frames(Hypervisor host, PrintStream out, InputStream keys) {
        VcpuSnapshot previous = null;
        for (int frame = 1; ; frame++) {
            VcpuSnapshot now = host.vcpuSnapshot(false);
            out.print((keys == null ? "" : CLEAR) + TopFrame.render(previous, now, delayMillis, keys != null));
            out.flush();
            previous = now;
            if (iterations.isPresent() && frame >= iterations.getAsInt()) {
                return;
            }
            if (waitOrQuit(keys)) {
                return;
            }
        }
    }

    /** Waits for the next frame, looking at the keys; true when one of them quits (or the wait was interrupted). */
    private boolean waitOrQuit(InputStream keys) {
        long deadline = System.nanoTime() + delayMillis * 1_000_000;
        try {
            for (long left = delayMillis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                if (keys != null && quitPressed(keys)) {
                    return true;
                }
                Thread.sleep(keys == null ? left : Math.min(left, KEY_POLL_MILLIS));
            }
            return keys != null && quitPressed(keys);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Reads the keys typed so far without blocking; q, Q or Ctrl-C quit, others are ignored, end of input quits. */
    private static boolean quitPressed(InputStream keys) {
        try {
            while (keys.available() > 0) {
                int key = keys.read();
                if (key < 0 || key == 'q' || key == 'Q' || key == CTRL_C) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyboard", e);
        }
    }
}
