package org.jxen.testfixtures.xenstored;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One xsd_sockmsg as the fake reads and writes it: a 16-byte header of four uint32 in the host's
 * byte order (type, req_id, tx_id, len) and the payload. Written here independently of the client's
 * codec so that the two check each other.
 */
record Message(int type, int reqId, int txId, byte[] payload) {
    static final int HEADER = 16;
    static final int PAYLOAD_MAX = 4096;

    static final int DIRECTORY = 1;
    static final int READ = 2;
    static final int WATCH = 4;
    static final int UNWATCH = 5;
    static final int TRANSACTION_START = 6;
    static final int TRANSACTION_END = 7;
    static final int GET_DOMAIN_PATH = 10;
    static final int WRITE = 11;
    static final int MKDIR = 12;
    static final int RM = 13;
    static final int WATCH_EVENT = 15;
    static final int ERROR = 16;
    /** XS_TYPE_COUNT in Xen 4.17: types below it are real requests this fake may not implement. */
    static final int TYPE_COUNT = 23;

    /** The header alone, announcing {@code length} payload bytes. */
    static byte[] header(int type, int reqId, int txId, int length) {
        return ByteBuffer.allocate(HEADER).order(ByteOrder.nativeOrder())
                .putInt(type).putInt(reqId).putInt(txId).putInt(length).array();
    }

    /** Header and payload. */
    byte[] bytes() {
        return ByteBuffer.allocate(HEADER + payload.length)
                .put(header(type, reqId, txId, payload.length)).put(payload).array();
    }
}
