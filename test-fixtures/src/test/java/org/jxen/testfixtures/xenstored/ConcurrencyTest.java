package org.jxen.testfixtures.xenstored;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jxen.testfixtures.host.SimXenstore;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xenstore.XenstoreClient;
import org.jxen.xenstore.XenstoreEndpoint;
import org.jxen.xenstore.XenstoreOptions;
import org.junit.jupiter.api.Test;

/** Many threads on one connection: every caller gets the reply to its own request. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int REQUESTS = 200;

    @Test
    void eightThreadsTimesTwoHundredRequestsOnOneConnection() throws Exception {
        SimXenstore store = SimulatedHost.defaultHost().xenstore();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < REQUESTS; i++) {
                store.write("/conc/" + t + "/" + i, ("value-" + t + "-" + i).getBytes(US_ASCII));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (FakeXenstored daemon = FakeXenstored.start(store);
                XenstoreClient xs = XenstoreClient.open(new XenstoreEndpoint.UnixSocket(daemon.socket()),
                        XenstoreOptions.defaults())) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int i = 0; i < REQUESTS; i++) {
                        // Alternate reads of distinct nodes with writes, so replies of different sizes interleave.
                        if (i % 4 == 3) {
                            xs.write("/conc/" + thread + "/" + i, "value-" + thread + "-" + i);
                        }
                        answers.add(xs.readString("/conc/" + thread + "/" + i));
                    }
                    return answers;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    expected.add("value-" + t + "-" + i);
                }
                assertEquals(expected, results.get(t).get(60, TimeUnit.SECONDS));
            }
            assertEquals(THREADS * (REQUESTS + REQUESTS / 4), daemon.requestCount());
        } finally {
            pool.shutdownNow();
        }
    }
}
