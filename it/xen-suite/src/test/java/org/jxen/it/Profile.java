package org.jxen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a measured loop's time goes in dom0: a JFR recording of the calling thread while it runs,
 * split into samples taken in Java code and samples taken in native code (the privcmd ioctl, that
 * is the hypercall itself), with the hottest methods of each. The recording is kept in results/ for
 * {@code jfr view}; the split and the hot methods are recorded as a measurement.
 */
final class Profile {

    /** Sampling period for both kinds of sample: a few hundred samples over a loop of a second or two. */
    private static final Duration PERIOD = Duration.ofMillis(5);
    /** How many hot methods each side names. */
    private static final int TOP = 5;
    private static final String JAVA = "jdk.ExecutionSample";
    private static final String NATIVE = "jdk.NativeMethodSample";

    private Profile() {
    }

    /** Runs body under the recording, keeps results/NAME.jfr and records the split of its samples. */
    static void of(String name, String what, Runnable body) {
        Path file = Lab.RESULTS.resolve(name + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(JAVA).withPeriod(PERIOD);
            recording.enable(NATIVE).withPeriod(PERIOD);
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
            Lab.record(summary(name, what, file, Thread.currentThread().threadId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(String name, String what, Path file, long threadId) throws IOException {
        Map<String, Integer> java = new HashMap<>();
        Map<String, Integer> inNative = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            RecordedThread t = e.getThread("sampledThread");
            if (t == null || t.getJavaThreadId() != threadId || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (type.equals(JAVA)) {
                java.merge(method(frames.getFirst()), 1, Integer::sum);
            } else if (type.equals(NATIVE)) {
                // The native frame itself is the downcall stub; jxen's own caller says which call it was.
                inNative.merge(method(frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.jxen"))
                        .findFirst().orElse(frames.getFirst())), 1, Integer::sum);
            }
        }
        int j = total(java);
        int n = total(inNative);
        return String.format(Locale.ROOT, "  profile of %s (JFR, this thread, every %d ms; %s.jfr in results): %d samples,"
                + " %.0f %% in native code (%s), %.0f %% in Java (hottest: %s)", what, PERIOD.toMillis(),
                name, j + n, percent(n, j + n), top(inNative, n),
                percent(j, j + n), top(java, j));
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String top(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), percent(e.getValue(), total)))
                .collect(Collectors.joining(", "));
    }

    private static String method(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }
}
