package org.jxen.libvirtjava;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.jxen.internal.Arguments;

/**
 * libvirt-java's {@code int[]} form of C byte arrays (cpumaps, UUIDs): one byte per element,
 * 0-255. Checked strictly, because the likely mistake is an array of CPU numbers, which a
 * silent {@code (byte)} cast would turn into a pin to other CPUs.
 */
final class ByteInts {

    /** libvirt's {@code VIR_UUID_BUFLEN}. */
    static final int UUID_LENGTH = 16;

    private ByteInts() {
    }

    /**
     * Packs a byte-per-int array.
     *
     * @param values the array, every element 0-255
     * @param name the parameter's name, for the message
     * @param layout what the elements mean, for the message
     */
    static byte[] toBytes(int[] values, String name, String layout) {
        Arguments.notNull(values, name);
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < 0 || v > 0xFF) {
                throw Calls.invalidArg(name + "[" + i + "] = " + v + " is out of range 0-255: libvirt-java's " + name
                        + " holds one byte per int (" + layout + ")");
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /** Widens bytes to libvirt-java's form, unsigned (0-255). */
    static int[] toInts(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    /** A UUID as libvirt's 16 raw bytes, widened: the order of its canonical text. */
    static int[] fromUuid(UUID uuid) {
        return toInts(ByteBuffer.allocate(UUID_LENGTH)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array());
    }

    /** The inverse of {@link #fromUuid(UUID)}, for libvirt-java's {@code int[]} UUIDs. */
    static UUID toUuid(int[] uuid) {
        byte[] bytes = toBytes(uuid, "uuid", "16 bytes in the order of the UUID's text");
        if (bytes.length != UUID_LENGTH) {
            throw Calls.invalidArg("uuid of " + bytes.length + " elements must have " + UUID_LENGTH);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
