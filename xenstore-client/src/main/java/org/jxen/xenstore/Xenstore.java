package org.jxen.xenstore;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The node operations of xenstore, done either directly ({@link XenstoreClient}) or inside a
 * {@link Transaction}. Paths are checked against xenstore's rules before anything is sent: absolute
 * ({@code /local/domain/0/name}, at most 3072 bytes) or relative to the connection's domain (at
 * most 2048 bytes), made of ASCII letters, digits and {@code -/_@}, without {@code //} or a
 * trailing {@code /}. A bad path fails with {@link XenstoreError#EINVAL}. Every call may throw any
 * {@link XenstoreException}.
 */
public interface Xenstore {

    /**
     * Reads a node's value (XS_READ).
     *
     * @param path the node
     * @return the raw value, possibly empty; a fresh array
     * @throws XenstoreErrorException {@link XenstoreError#ENOENT} when the node does not exist
     */
    byte[] read(String path);

    /**
     * Writes a node's value (XS_WRITE), creating the node and missing parents.
     *
     * @param path the node
     * @param value the raw value; path, a NUL and the value must fit in 4096 bytes
     * @throws XenstoreErrorException {@link XenstoreError#E2BIG}, without sending, when too long
     */
    void write(String path, byte[] value);

    /**
     * Lists a node's children (XS_DIRECTORY).
     *
     * @param path the node
     * @return the children's names (not full paths) in xenstored's order; immutable
     * @throws XenstoreErrorException {@link XenstoreError#ENOENT} when the node does not exist
     */
    List<String> directory(String path);

    /**
     * Creates a node with an empty value, and missing parents (XS_MKDIR); an existing node is left
     * as it is.
     *
     * @param path the node
     */
    void mkdir(String path);

    /**
     * Removes a node and everything below it (XS_RM).
     *
     * @param path the node
     */
    void rm(String path);

    /**
     * Reads a node's value as text.
     *
     * @param path the node
     * @return the value decoded as UTF-8 (xenstore values are ASCII by convention)
     */
    default String readString(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /**
     * Writes a node's value as text, without a trailing NUL (as xenstore values are stored).
     *
     * @param path the node
     * @param value the value, encoded as UTF-8
     */
    default void write(String path, String value) {
        write(path, value.getBytes(StandardCharsets.UTF_8));
    }
}
