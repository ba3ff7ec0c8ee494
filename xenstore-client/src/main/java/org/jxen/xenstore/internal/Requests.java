package org.jxen.xenstore.internal;

import java.util.List;
import org.jxen.xenstore.Xenstore;
import org.jxen.xenstore.XenstoreError;
import org.jxen.xenstore.XenstoreErrorException;
import org.jxen.xenstore.XenstoreProtocolException;

/**
 * Encodes each request and decodes its reply, on one connection and in one transaction (0 for
 * none).
 *
 * @param connection the connection
 * @param txId the transaction id every request carries
 */
public record Requests(Connection connection, int txId) implements Xenstore {
    /** Highest domain id: domids are uint16 on the wire. */
    private static final int DOMID_MAX = 0xFFFF;

    @Override
    public byte[] read(String path) {
        return connection.call(Op.READ, txId, Payloads.of(Paths.node(path)), value -> value);
    }

    @Override
    public void write(String path, byte[] value) {
        connection.call(Op.WRITE, txId, Payloads.of(List.of(Paths.node(path)), value), p -> Payloads.ok(Op.WRITE, p));
    }

    @Override
    public List<String> directory(String path) {
        return connection.call(Op.DIRECTORY, txId, Payloads.of(Paths.node(path)), p -> Payloads.strings(Op.DIRECTORY, p));
    }

    @Override
    public void mkdir(String path) {
        connection.call(Op.MKDIR, txId, Payloads.of(Paths.node(path)), p -> Payloads.ok(Op.MKDIR, p));
    }

    @Override
    public void rm(String path) {
        connection.call(Op.RM, txId, Payloads.of(Paths.node(path)), p -> Payloads.ok(Op.RM, p));
    }

    /**
     * XS_GET_DOMAIN_PATH.
     *
     * @param domid the domain, 0 to 65535
     * @return its home path, e.g. {@code /local/domain/3}
     */
    public String domainPath(int domid) {
        if (domid < 0 || domid > DOMID_MAX) {
            throw new XenstoreErrorException(XenstoreError.EINVAL,
                    "domain id " + domid + " is outside 0.." + DOMID_MAX + " (refused before sending)");
        }
        return connection.call(Op.GET_DOMAIN_PATH, txId, Payloads.of(Integer.toString(domid)),
                p -> Payloads.strings(Op.GET_DOMAIN_PATH, p, 1).getFirst());
    }

    /**
     * XS_TRANSACTION_START (sent outside any transaction).
     *
     * @return the new transaction's id, never 0
     */
    public int startTransaction() {
        return connection.call(Op.TRANSACTION_START, 0, Payloads.of(""), Requests::transactionId);
    }

    /**
     * XS_TRANSACTION_END for this requests' transaction.
     *
     * @param commit true to commit ("T"), false to abort ("F")
     */
    public void endTransaction(boolean commit) {
        connection.call(Op.TRANSACTION_END, txId, Payloads.of(commit ? "T" : "F"), p -> Payloads.ok(Op.TRANSACTION_END, p));
    }

    /**
     * XS_WATCH.
     *
     * @param path the watched path (a node or a special {@code @} path)
     * @param token the token events will carry
     */
    public void watch(String path, String token) {
        connection.call(Op.WATCH, 0, Payloads.of(Paths.watch(path), token), p -> Payloads.ok(Op.WATCH, p));
    }

    /**
     * XS_UNWATCH.
     *
     * @param path the watched path
     * @param token the watch's token
     */
    public void unwatch(String path, String token) {
        connection.call(Op.UNWATCH, 0, Payloads.of(Paths.watch(path), token), p -> Payloads.ok(Op.UNWATCH, p));
    }

    /** Decodes the TRANSACTION_START reply: a nonzero uint32 in decimal and a NUL. */
    static int transactionId(byte[] payload) {
        String text = Payloads.strings(Op.TRANSACTION_START, payload, 1).getFirst();
        try {
            int id = Integer.parseUnsignedInt(text);
            if (id != 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new XenstoreProtocolException("TRANSACTION_START reply \"" + text + "\" is not a transaction id", null);
    }
}
