package org.jxen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code jxen --version}: prints the version Maven wrote into the jar (read when run, not when parsed). */
record VersionCommand() implements Command {

    /**
     * Prints {@code jxen VERSION}.
     *
     * @param out standard output
     * @throws UncheckedIOException when the jar cannot be read
     */
    void print(PrintStream out) {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("jxen " + p.getProperty("version", "unknown"));
    }
}
