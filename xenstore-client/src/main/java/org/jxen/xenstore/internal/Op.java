package org.jxen.xenstore.internal;

/** The message types this client sends or receives, with their values from {@code xs_wire.h}. */
public enum Op {
    /** List children. */
    DIRECTORY(1),
    /** Read a value. */
    READ(2),
    /** Set a watch. */
    WATCH(4),
    /** Remove a watch. */
    UNWATCH(5),
    /** Start a transaction. */
    TRANSACTION_START(6),
    /** Commit or abort a transaction. */
    TRANSACTION_END(7),
    /** Ask for a domain's home path. */
    GET_DOMAIN_PATH(10),
    /** Write a value. */
    WRITE(11),
    /** Create a node. */
    MKDIR(12),
    /** Remove a subtree. */
    RM(13),
    /** Unsolicited: a watch fired. */
    WATCH_EVENT(15),
    /** Reply: the request failed. */
    ERROR(16);

    private final int code;

    Op(int code) {
        this.code = code;
    }

    /**
     * The value on the wire.
     *
     * @return the type field's value
     */
    public int code() {
        return code;
    }
}
