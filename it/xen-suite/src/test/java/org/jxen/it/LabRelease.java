package org.jxen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jxen.InterfaceVersions;

/**
 * A row of the lab's releases table (it/xen-lab/releases, staged beside the suite): a Xen release
 * the lab boots and what it must answer. The suite's expectations that differ by release come from
 * here, so a release is added in one place.
 *
 * @param release e.g. "4.20"
 * @param debianSuite the Debian suite that ships it, e.g. "trixie"
 * @param interfaces the domctl and sysctl interface versions of its public headers
 */
record LabRelease(String release, String debianSuite, InterfaceVersions interfaces) {

    /**
     * Reads the row of one release.
     *
     * @param table the staged releases file
     * @param release e.g. "4.20"
     * @return the row, or empty when the table has none for that release
     */
    static Optional<LabRelease> read(Path table, String release) {
        try {
            return Files.readAllLines(table).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(LabRelease::parse)
                    .filter(r -> r.release.equals(release))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses "4.20 trixie 0x17 0x15". */
    static LabRelease parse(String line) {
        String[] f = line.split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("a releases row is 'RELEASE SUITE DOMCTL SYSCTL', not '" + line + "'");
        }
        return new LabRelease(f[0], f[1], new InterfaceVersions(Integer.decode(f[2]), Integer.decode(f[3])));
    }
}
