package org.jxen.testfixtures.xenstored;

import java.util.List;
import java.util.Optional;
import org.jxen.testfixtures.host.SimXenstore;

/** The host's tree, seen directly or through one of its transactions. */
interface Tree {
    Optional<byte[]> read(String path);

    void write(String path, byte[] value);

    void mkdir(String path);

    boolean rm(String path);

    Optional<List<String>> directory(String path);

    static Tree of(SimXenstore store) {
        return new Tree() {
            @Override public Optional<byte[]> read(String path) { return store.read(path); }
            @Override public void write(String path, byte[] value) { store.write(path, value); }
            @Override public void mkdir(String path) { store.mkdir(path); }
            @Override public boolean rm(String path) { return store.rm(path); }
            @Override public Optional<List<String>> directory(String path) { return store.directory(path); }
        };
    }

    static Tree of(SimXenstore.Transaction tx) {
        return new Tree() {
            @Override public Optional<byte[]> read(String path) { return tx.read(path); }
            @Override public void write(String path, byte[] value) { tx.write(path, value); }
            @Override public void mkdir(String path) { tx.mkdir(path); }
            @Override public boolean rm(String path) { return tx.rm(path); }
            @Override public Optional<List<String>> directory(String path) { return tx.directory(path); }
        };
    }
}
