package org.jxen.benchmarks.xend;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jxen.xend.Sexpr;
import org.jxen.xend.SexprReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * S-expression parse throughput. One operation parses every input once; the {@code bytes}
 * counter reports bytes parsed per second (divide by 10^6 for MB/s).
 *
 * <p>Inputs: the well-formed files of jxen's own xend corpus (xend-client's test resources
 * {@code org/jxen/xend/corpus/}, copied onto this module's class path by its pom, without
 * {@code malformed/}). Figures measured before this corpus existed came from a larger third-party
 * corpus outside the repository, so they are not comparable with figures measured on this one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SexprParseBenchmark {

    /** Where the pom copies the corpus, relative to this class. */
    private static final String CORPUS = "corpus";

    private final List<byte[]> inputs = new ArrayList<>();

    /** Bytes parsed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Bytes parsed so far in this iteration. */
        public long bytes;

        /** Clears the count before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /**
     * Loads the inputs, checks that each parses, and says how many.
     *
     * @throws IOException if the corpus cannot be read
     * @throws URISyntaxException never for a class-path resource
     */
    @Setup(Level.Trial)
    public void load() throws IOException, URISyntaxException {
        URL url = SexprParseBenchmark.class.getResource(CORPUS);
        if (url == null) {
            throw new IllegalStateException("the xend corpus is not on the class path: build with mvn -pl benchmarks -am package");
        }
        URI uri = url.toURI();
        // scripts/bench runs from target/classes, so this is a directory, never a jar entry
        try (Stream<Path> files = Files.walk(Path.of(uri))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sxp")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                SexprReader.readAll(bytes); // a malformed input would measure the error path, not parsing
                inputs.add(bytes);
            }
        }
        System.out.printf("xend corpus %s: %d files, %d bytes%n", uri, inputs.size(), total());
    }

    private long total() {
        return inputs.stream().mapToLong(b -> b.length).sum();
    }

    /**
     * Parses every input once.
     *
     * @param counters the byte counter
     * @param sink keeps the values alive
     */
    @Benchmark
    public void parseAll(Counters counters, Blackhole sink) {
        for (byte[] input : inputs) {
            List<Sexpr> values = SexprReader.readAll(input);
            sink.consume(values);
            counters.bytes += input.length;
        }
    }
}
