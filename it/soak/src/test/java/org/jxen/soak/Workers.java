package org.jxen.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a body on N platform threads released together, and collects what they throw. A thread still
 * alive after the hang bound is a failure (a deadlock), not a slow machine: the bound is minutes.
 * Daemon threads, so that a hung one cannot keep the test JVM from exiting.
 */
final class Workers {

    /** Far beyond any full-size run on 2 shared cores; only a hang reaches it. */
    static final Duration HANG = Duration.ofMinutes(10);

    interface Body {
        void run(int thread) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch running;

    private Workers(int count, Body body) {
        CountDownLatch go = new CountDownLatch(1);
        running = new CountDownLatch(count);
        for (int t = 0; t < count; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().daemon().name("soak-" + t).start(() -> {
                running.countDown();
                try {
                    go.await();
                    body.run(thread);
                } catch (Throwable e) {
                    thrown.add(e);
                }
            }));
        }
        go.countDown();
    }

    /** Starts the threads; they run while the caller goes on. */
    static Workers start(int count, Body body) {
        return new Workers(count, body);
    }

    /** Runs the threads to the end and returns what they threw. */
    static List<Throwable> run(int count, Body body) throws InterruptedException {
        return start(count, body).join();
    }

    /** Waits until every thread has started its body's run (they may be anywhere in it). */
    void awaitRunning() throws InterruptedException {
        running.await();
    }

    /** Waits for every thread and returns what they threw. */
    List<Throwable> join() throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        for (Thread t : threads) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                throw new AssertionError(t.getName() + " still runs after " + HANG + ": a hang");
            }
        }
        return List.copyOf(thrown);
    }
}
