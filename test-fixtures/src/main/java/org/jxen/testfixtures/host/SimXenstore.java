package org.jxen.testfixtures.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated host's xenstore tree: what xenstored stores, without the wire protocol (that is
 * the fake xenstored's job). Paths are absolute ({@code /local/domain/1/name}); values are bytes.
 * It shares the host's lock, so a change and the guest's reaction to it happen atomically.
 * Watchers run under that lock, after each committed change: they must not block.
 */
public final class SimXenstore {

    private final Object lock;
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
    private final TreeMap<String, byte[]> nodes = new TreeMap<>();
    /** The generation at which each path last changed (written, created, removed, or a child of it changed). */
    private final Map<String, Long> changedAt = new HashMap<>();
    private long generation;

    SimXenstore(Object lock) {
        this.lock = lock;
        nodes.put("/", new byte[0]);
    }

    /**
     * Reads a node's value.
     *
     * @param path an absolute path
     * @return a copy of the value, or empty if the node does not exist
     */
    public Optional<byte[]> read(String path) {
        synchronized (lock) {
            return Optional.ofNullable(nodes.get(path)).map(byte[]::clone);
        }
    }

    /**
     * Writes a node, creating missing parents with empty values as xenstored does.
     *
     * @param path an absolute path
     * @param value the value
     */
    public void write(String path, byte[] value) {
        synchronized (lock) {
            List<String> changed = new ArrayList<>();
            write(nodes, path, value, changed);
            publish(changed);
        }
    }

    /**
     * Creates a node with an empty value unless it exists, and its missing parents.
     *
     * @param path an absolute path
     */
    public void mkdir(String path) {
        synchronized (lock) {
            List<String> changed = new ArrayList<>();
            mkdir(nodes, path, changed);
            publish(changed);
        }
    }

    /**
     * Removes a node and everything under it.
     *
     * @param path an absolute path
     * @return true if the node existed
     */
    public boolean rm(String path) {
        synchronized (lock) {
            List<String> changed = new ArrayList<>();
            boolean existed = rm(nodes, path, changed);
            publish(changed);
            return existed;
        }
    }

    /**
     * Lists a node's children.
     *
     * @param path an absolute path
     * @return the children's names in order, or empty if the node does not exist
     */
    public Optional<List<String>> directory(String path) {
        synchronized (lock) {
            return directory(nodes, path);
        }
    }

    /**
     * Starts a transaction: a private copy of the tree, committed only if none of the nodes it
     * read or wrote changed since, as xenstored decides (other nodes may change meanwhile).
     *
     * @return the transaction
     */
    public Transaction beginTransaction() {
        synchronized (lock) {
            return new Transaction(new TreeMap<>(nodes), generation);
        }
    }

    /**
     * Registers a watcher, called under the host's lock with each changed path after every change.
     *
     * @param watcher receives changed paths; must not block
     * @return closing it removes the watcher
     */
    public AutoCloseable addWatcher(Consumer<String> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    private void publish(List<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        generation++;
        for (String path : changed) {
            // The parent too: its listing may have changed (a child created or removed). A value
            // written to an existing child marks it as well, which only makes a transaction that
            // listed the parent conflict a little more often than xenstored's would.
            changedAt.put(path, generation);
            changedAt.put(parent(path), generation);
        }
        for (String path : changed) {
            for (Consumer<String> w : watchers) {
                w.accept(path);
            }
        }
    }

    private static void write(TreeMap<String, byte[]> tree, String path, byte[] value, List<String> changed) {
        checkPath(path);
        mkdirParents(tree, path, changed);
        tree.put(path, value.clone());
        changed.add(path);
    }

    private static void mkdir(TreeMap<String, byte[]> tree, String path, List<String> changed) {
        checkPath(path);
        mkdirParents(tree, path, changed);
        if (!tree.containsKey(path)) {
            tree.put(path, new byte[0]);
            changed.add(path);
        }
    }

    private static void mkdirParents(TreeMap<String, byte[]> tree, String path, List<String> changed) {
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (!tree.containsKey(parent)) {
                tree.put(parent, new byte[0]);
                changed.add(parent);
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static boolean rm(TreeMap<String, byte[]> tree, String path, List<String> changed) {
        checkPath(path);
        if (!tree.containsKey(path) || path.equals("/")) {
            return false;
        }
        NavigableMap<String, byte[]> below = tree.subMap(path + "/", true, path + "0", false); // '0' follows '/'
        changed.addAll(below.keySet());
        below.clear();
        tree.remove(path);
        changed.add(path);
        return true;
    }

    private static Optional<List<String>> directory(TreeMap<String, byte[]> tree, String path) {
        checkPath(path);
        if (!tree.containsKey(path)) {
            return Optional.empty();
        }
        String prefix = path.equals("/") ? "/" : path + "/";
        List<String> children = new ArrayList<>();
        for (String p : tree.subMap(prefix, false, path.equals("/") ? "0" : path + "0", false).keySet()) {
            String rest = p.substring(prefix.length());
            if (rest.indexOf('/') < 0) {
                children.add(rest);
            }
        }
        return Optional.of(Collections.unmodifiableList(children));
    }

    private static void checkPath(String path) {
        if (path == null || !path.startsWith("/") || (path.length() > 1 && path.endsWith("/")) || path.contains("//")) {
            throw new IllegalArgumentException("not an absolute xenstore path: " + path);
        }
    }

    /**
     * A transaction on the tree. Reads and writes go to a private copy; {@link #commit()} applies
     * the writes to the tree only if no node the transaction read or wrote changed since it
     * started, as xenstored's transactions do (it answers EAGAIN otherwise): transactions on
     * different domains' nodes never conflict. Not for use by several threads at once.
     */
    public final class Transaction {
        private final TreeMap<String, byte[]> copy;
        private final long startGeneration;
        private final Set<String> accessed = new HashSet<>();
        /** The writes, replayed on the live tree at commit (others may have changed other nodes). */
        private final List<Consumer<List<String>>> writes = new ArrayList<>();
        private boolean ended;

        private Transaction(TreeMap<String, byte[]> copy, long startGeneration) {
            this.copy = copy;
            this.startGeneration = startGeneration;
        }

        /**
         * Reads a node as this transaction sees it.
         *
         * @param path an absolute path
         * @return a copy of the value, or empty
         */
        public Optional<byte[]> read(String path) {
            checkOpen();
            accessed.add(path);
            return Optional.ofNullable(copy.get(path)).map(byte[]::clone);
        }

        /**
         * Writes a node inside this transaction.
         *
         * @param path an absolute path
         * @param value the value
         */
        public void write(String path, byte[] value) {
            checkOpen();
            byte[] v = value.clone();
            apply(path, changed -> SimXenstore.write(nodes, path, v, changed));
            SimXenstore.write(copy, path, v, new ArrayList<>());
        }

        /**
         * Creates a node inside this transaction.
         *
         * @param path an absolute path
         */
        public void mkdir(String path) {
            checkOpen();
            apply(path, changed -> SimXenstore.mkdir(nodes, path, changed));
            SimXenstore.mkdir(copy, path, new ArrayList<>());
        }

        /**
         * Removes a node and its children inside this transaction.
         *
         * @param path an absolute path
         * @return true if it existed
         */
        public boolean rm(String path) {
            checkOpen();
            apply(path, changed -> SimXenstore.rm(nodes, path, changed));
            return SimXenstore.rm(copy, path, new ArrayList<>());
        }

        /**
         * Lists a node's children as this transaction sees them.
         *
         * @param path an absolute path
         * @return the names, or empty if the node does not exist
         */
        public Optional<List<String>> directory(String path) {
            checkOpen();
            accessed.add(path);
            return SimXenstore.directory(copy, path);
        }

        /**
         * Applies the transaction's writes if none of the nodes it read or wrote changed since it
         * started.
         *
         * @return true if committed, false on conflict (xenstored's EAGAIN)
         */
        public boolean commit() {
            checkOpen();
            ended = true;
            synchronized (lock) {
                for (String path : accessed) {
                    if (changedAt.getOrDefault(path, Long.MIN_VALUE) > startGeneration) {
                        return false;
                    }
                }
                List<String> changed = new ArrayList<>();
                writes.forEach(w -> w.accept(changed));
                publish(changed);
                return true;
            }
        }

        private void apply(String path, Consumer<List<String>> write) {
            accessed.add(path);
            writes.add(write);
        }

        /** Drops the transaction's changes. */
        public void abort() {
            ended = true;
        }

        private void checkOpen() {
            if (ended) {
                throw new IllegalStateException("transaction already ended");
            }
        }
    }
}
