package org.jxen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxen.InterfaceVersions;

/**
 * The lab's releases table as the suite reads it in dom0: the repository's own table (run from
 * the module's directory, as Maven does) and the row format.
 */
class LabReleaseTest {

    private static final Path TABLE = Path.of("../xen-lab/releases");

    @Test
    void theTableNamesBothReleasesWithTheirInterfaceVersions() {
        assertEquals(Optional.of(new LabRelease("4.17", "bookworm", new InterfaceVersions(0x15, 0x15))),
                LabRelease.read(TABLE, "4.17"));
        assertEquals(Optional.of(new LabRelease("4.20", "trixie", new InterfaceVersions(0x17, 0x15))),
                LabRelease.read(TABLE, "4.20"));
        assertEquals(Optional.empty(), LabRelease.read(TABLE, "4.2"), "4.2 is not 4.20");
    }

    @Test
    void aMalformedRowIsRefusedAndShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabRelease.parse("4.20 trixie 0x17"));
        assertTrue(e.getMessage().contains("'4.20 trixie 0x17'"), e.getMessage());
        assertThrows(NumberFormatException.class, () -> LabRelease.parse("4.20 trixie 0xzz 0x15"));
    }
}
