package org.jxen.xenstore;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxen.xenstore.internal.Requests;

/**
 * An open xenstore transaction: its operations see a private snapshot and take effect together on
 * {@link #commit()}. Closing it aborts it unless it was already ended. Not meant to be shared
 * between threads, though it is safe to.
 */
public final class Transaction implements Xenstore, AutoCloseable {
    private final Requests requests;
    private final AtomicBoolean ended = new AtomicBoolean();

    Transaction(Requests requests) {
        this.requests = requests;
    }

    /**
     * The transaction id xenstored gave.
     *
     * @return the id carried in every request's tx_id, never 0
     */
    public int id() {
        return requests.txId();
    }

    @Override
    public byte[] read(String path) {
        return open().read(path);
    }

    @Override
    public void write(String path, byte[] value) {
        open().write(path, value);
    }

    @Override
    public List<String> directory(String path) {
        return open().directory(path);
    }

    @Override
    public void mkdir(String path) {
        open().mkdir(path);
    }

    @Override
    public void rm(String path) {
        open().rm(path);
    }

    /**
     * Commits. The transaction is over afterwards, whatever the outcome.
     *
     * @throws XenstoreErrorException {@link XenstoreError#EAGAIN} when another change conflicted:
     *     nothing was applied; redo the whole transaction
     * @throws IllegalStateException when already ended
     */
    public void commit() {
        end(true);
    }

    /**
     * Aborts: nothing done in the transaction is applied.
     *
     * @throws IllegalStateException when already ended
     */
    public void abort() {
        end(false);
    }

    /** Aborts unless already committed or aborted; an abort that fails is not reported. */
    @Override
    public void close() {
        if (!ended.get()) {
            try {
                abort();
            } catch (XenstoreException e) {
                // xenstored drops the transaction with the connection, or it is already gone
            }
        }
    }

    private void end(boolean commit) {
        if (ended.getAndSet(true)) {
            throw new IllegalStateException("transaction " + id() + " is already ended");
        }
        requests.endTransaction(commit);
    }

    private Requests open() {
        if (ended.get()) {
            throw new IllegalStateException("transaction " + id() + " is already ended");
        }
        return requests;
    }
}
