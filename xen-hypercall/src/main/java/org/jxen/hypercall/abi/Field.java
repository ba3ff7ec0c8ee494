package org.jxen.hypercall.abi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a struct, located by its path in a {@link MemoryLayout} so that no offset is
 * written by hand. Integer fields are read unsigned, as Xen declares them, in native byte order;
 * reads and writes do not require alignment, because a hostile caller may pass any address.
 *
 * @param path the path in the layout, e.g. "u.getvcpuinfo.cpu_time" or "arg[1]"
 * @param offset the byte offset from the start of the layout
 * @param size the byte size
 */
public record Field(String path, long offset, long size) {

    /**
     * Locates a field in a layout.
     *
     * @param root the struct
     * @param path member names joined by dots, each optionally indexed as {@code name[i]}
     * @return the field
     * @throws IllegalArgumentException when the layout has no such member
     */
    public static Field of(MemoryLayout root, String path) {
        List<PathElement> at = new ArrayList<>();
        List<PathElement> any = new ArrayList<>(); // select() takes only open sequence elements
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            at.add(PathElement.groupElement(name));
            any.add(PathElement.groupElement(name));
            if (bracket >= 0) {
                at.add(PathElement.sequenceElement(Long.parseLong(part.substring(bracket + 1, part.length() - 1))));
                any.add(PathElement.sequenceElement());
            }
        }
        return new Field(path, root.byteOffset(at.toArray(PathElement[]::new)),
                root.select(any.toArray(PathElement[]::new)).byteSize());
    }

    /**
     * Reads the field as an unsigned number.
     *
     * @param s the struct
     * @return the value, zero-extended
     */
    public long get(MemorySegment s) {
        return switch ((int) size) {
            case 1 -> s.get(JAVA_BYTE, offset) & 0xFFL;
            case 2 -> s.get(JAVA_SHORT_UNALIGNED, offset) & 0xFFFFL;
            case 4 -> s.get(JAVA_INT_UNALIGNED, offset) & 0xFFFF_FFFFL;
            case 8 -> s.get(JAVA_LONG_UNALIGNED, offset);
            default -> throw new IllegalStateException(path + " is " + size + " bytes, not a number");
        };
    }

    /**
     * Writes the field, truncating the value to its size.
     *
     * @param s the struct
     * @param value the value
     */
    public void set(MemorySegment s, long value) {
        switch ((int) size) {
            case 1 -> s.set(JAVA_BYTE, offset, (byte) value);
            case 2 -> s.set(JAVA_SHORT_UNALIGNED, offset, (short) value);
            case 4 -> s.set(JAVA_INT_UNALIGNED, offset, (int) value);
            case 8 -> s.set(JAVA_LONG_UNALIGNED, offset, value);
            default -> throw new IllegalStateException(path + " is " + size + " bytes, not a number");
        }
    }

    /**
     * Returns the field's bytes, for arrays such as a domain handle.
     *
     * @param s the struct
     * @return a slice of {@link #size()} bytes
     */
    public MemorySegment slice(MemorySegment s) {
        return s.asSlice(offset, size);
    }
}
