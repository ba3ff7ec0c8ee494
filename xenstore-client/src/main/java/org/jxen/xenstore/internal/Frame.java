package org.jxen.xenstore.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import org.jxen.xenstore.XenstoreProtocolException;

/**
 * One xsd_sockmsg: the 16-byte header (type, req_id, tx_id, len as uint32 in the host's byte
 * order) and its payload. The type stays an int so that unknown types reach the protocol check.
 *
 * @param type the message type
 * @param reqId the request id, echoed in the reply
 * @param txId the transaction id, 0 outside a transaction
 * @param payload the payload, at most {@link #PAYLOAD_MAX} bytes
 */
public record Frame(int type, int reqId, int txId, byte[] payload) {
    /** Size of the header. */
    public static final int HEADER_SIZE = 16;
    /** XENSTORE_PAYLOAD_MAX: the longest payload either side may send. */
    public static final int PAYLOAD_MAX = 4096;

    /**
     * The frame as bytes ready to write.
     *
     * @return a buffer positioned at 0
     */
    public ByteBuffer encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + payload.length).order(ByteOrder.nativeOrder());
        buffer.putInt(type).putInt(reqId).putInt(txId).putInt(payload.length).put(payload);
        return buffer.flip();
    }

    /**
     * Reads one whole frame.
     *
     * @param channel a blocking channel
     * @return the frame
     * @throws EOFException when the channel ends cleanly before a new frame
     * @throws XenstoreProtocolException when it ends inside a frame or announces more than
     *     {@link #PAYLOAD_MAX} bytes
     * @throws IOException when reading fails
     */
    public static Frame read(ReadableByteChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.nativeOrder());
        if (!fill(channel, header) && header.position() == 0) {
            throw new EOFException("xenstored closed the connection");
        }
        if (header.hasRemaining()) {
            throw new XenstoreProtocolException(
                    "truncated header: connection ended after " + header.position() + " of " + HEADER_SIZE + " bytes", null);
        }
        header.flip();
        int type = header.getInt();
        int reqId = header.getInt();
        int txId = header.getInt();
        long len = Integer.toUnsignedLong(header.getInt());
        if (len > PAYLOAD_MAX) {
            throw new XenstoreProtocolException(
                    "reply announces a " + len + "-byte payload, over the " + PAYLOAD_MAX + "-byte limit", null);
        }
        ByteBuffer payload = ByteBuffer.allocate((int) len);
        if (!fill(channel, payload)) {
            throw new XenstoreProtocolException("truncated payload: connection ended after "
                    + payload.position() + " of " + len + " bytes", null);
        }
        return new Frame(type, reqId, txId, payload.array());
    }

    /** Reads until the buffer is full; false when the channel ended first. */
    private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
