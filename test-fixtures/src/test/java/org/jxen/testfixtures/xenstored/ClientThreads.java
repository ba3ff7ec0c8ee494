package org.jxen.testfixtures.xenstored;

import java.util.List;

/** The xenstore client's threads that are still alive (its threads are named {@code xenstore-...}). */
final class ClientThreads {
    /**
     * How long the threads may take to end. A connection that failed and was replaced is not joined
     * by anyone: its threads end on the interrupt they got at the failure, when the scheduler runs
     * them (once, in CI, still alive a few milliseconds later). One still alive after this is stuck.
     */
    private static final long GRACE_MILLIS = 2000;

    private ClientThreads() {
    }

    /** The client threads still alive once each has had {@link #GRACE_MILLIS} to end. */
    static List<String> alive() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        List<Thread> left = clientThreads();
        for (Thread t : left) {
            long wait = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                t.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return clientThreads().stream().map(Thread::getName).toList();
    }

    private static List<Thread> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("xenstore-"))
                .toList();
    }
}
