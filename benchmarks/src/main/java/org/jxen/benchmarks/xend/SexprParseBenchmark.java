package org.jxen.benchmarks.xend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jxen.xend.Sexpr;
import org.jxen.xend.SexprException;
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
 * <p>Inputs: the xend corpus (system property {@code jxen.corpus}, else
 * {@code ../../shared/corpus/xend-sexpr} from the benchmarks directory): {@code joined/},
 * {@code third-party-real-xend/} and {@code libvirt-2006-originals/}, minus the few files that are
 * malformed by xend's rules. When the corpus is absent, an embedded sample in the shape of a xend
 * 4.x domain and vcpuinfo reply. The setup prints which.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SexprParseBenchmark {

    /** Written for this benchmark in the shape xend's sxp.show prints (not taken from the corpus). */
    private static final String SAMPLE = "(domain (domid 7) (cpu_weight 256) (cpu_cap 0) (bootloader /usr/bin/pygrub)"
            + " (vcpus 8) (cpus ((0 1 2 3) (0 1 2 3) () () (4 5) (4 5) () ())) (on_poweroff destroy)"
            + " (description 'bench guest, \\'quoted\\' text') (on_crash restart) (uuid 6f1c2e0a-93b4-4d7e-8a51-0c2b9d3e4f10)"
            + " (name bench-guest) (on_reboot restart) (maxmem 4096) (memory 4096) (vcpu_avail 255)"
            + " (start_time 1400000000.25) (cpu_time 1234.567890123) (online_vcpus 8) (image (linux (kernel '')"
            + " (args 'root=/dev/xvda1 ro console=hvc0') (notes (HV_START_LOW 18446603336221196288) (FEATURES"
            + " '!writable_page_tables|pae_pgdir_above_4gb') (LOADER generic)))) (status 2) (state -b----)"
            + " (device (vif (bridge xenbr0) (mac 00:16:3e:12:34:56) (script /etc/xen/scripts/vif-bridge)"
            + " (uuid 0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4))) (device (vbd (uname phy:/dev/vg0/bench) (dev xvda)"
            + " (mode w) (uuid 1c8d0e2f-3a4b-4c6d-9e7f-8091a2b3c4d5))))\n"
            + "(domain (domid 7) (name bench-guest) (vcpu_count 8)"
            + " (vcpu (number 0) (online 1) (blocked 0) (running 1) (cpu_time 301.25) (cpu 3) (cpumap (0 1 2 3)))"
            + " (vcpu (number 1) (online 1) (blocked 1) (running 0) (cpu_time 298.5) (cpu 1) (cpumap (0 1 2 3)))"
            + " (vcpu (number 2) (online 0) (blocked 0) (running 0) (cpu_time 0.0) (cpu -1) (cpumap (0 1 2 3 4 5 6 7))))\n";

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

    /** Loads the inputs and says which ones. */
    @Setup(Level.Trial)
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("jxen.corpus", "../../shared/corpus/xend-sexpr"));
        if (Files.isDirectory(corpus)) {
            int malformed = 0;
            for (String dir : List.of("joined", "third-party-real-xend", "libvirt-2006-originals")) {
                try (Stream<Path> files = Files.walk(corpus.resolve(dir))) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        byte[] bytes = Files.readAllBytes(f);
                        try {
                            SexprReader.readAll(bytes);
                            inputs.add(bytes);
                        } catch (SexprException e) {
                            malformed++;
                        }
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            System.out.printf("corpus %s: %d files, %d bytes (%d malformed files left out)%n",
                    corpus.toRealPath(), inputs.size(), total(), malformed);
        } else {
            inputs.add(SAMPLE.getBytes(StandardCharsets.US_ASCII));
            System.out.printf("corpus %s absent: embedded sample, %d bytes%n", corpus, total());
        }
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
