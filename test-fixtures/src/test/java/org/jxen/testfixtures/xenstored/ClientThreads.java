package org.jxen.testfixtures.xenstored;

import java.util.List;

/** The xenstore client's threads that are still alive (its threads are named {@code xenstore-...}). */
final class ClientThreads {
    private ClientThreads() {
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("xenstore-"))
                .toList();
    }
}
