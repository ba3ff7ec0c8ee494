package org.jxen.xenstore;

import java.util.List;

/** The client's own threads that are still alive. */
final class Threads {
    private Threads() {
    }

    static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("xenstore-"))
                .toList();
    }
}
