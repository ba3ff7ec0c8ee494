package org.jxen.hypercall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two maps as a value: equal by their bytes, whichever arrays hold them. */
class VcpuAffinitiesTest {

    @Test
    void equalByContents() {
        VcpuAffinities a = new VcpuAffinities(new byte[] {(byte) 0xFF, 0x0F}, new byte[] {1, 0});
        VcpuAffinities same = new VcpuAffinities(new byte[] {(byte) 0xFF, 0x0F}, new byte[] {1, 0});
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new VcpuAffinities(new byte[] {1, 0}, new byte[] {(byte) 0xFF, 0x0F}), "hard and soft swapped");
        assertNotEquals(a, new VcpuAffinities(new byte[] {(byte) 0xFF, 0x0F}, new byte[] {1, 0, 0}));
    }

    @Test
    void showsTheBytesInHex() {
        assertEquals("VcpuAffinities[hard=ff0f, soft=0100]",
                new VcpuAffinities(new byte[] {(byte) 0xFF, 0x0F}, new byte[] {1, 0}).toString());
    }

    @Test
    void bothMapsAreRequired() {
        assertThrows(NullPointerException.class, () -> new VcpuAffinities(null, new byte[1]));
        assertThrows(NullPointerException.class, () -> new VcpuAffinities(new byte[1], null));
    }
}
