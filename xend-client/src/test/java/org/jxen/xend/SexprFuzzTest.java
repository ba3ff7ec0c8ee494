package org.jxen.xend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzz targets for the S-expression reader and the typed views of xend's replies. The contract:
 * any input either yields a value or fails with {@link SexprException}; any other throwable
 * (NullPointerException, ArithmeticException, IndexOutOfBoundsException, OutOfMemoryError,
 * StackOverflowError...) is a finding. Seeds and saved findings are in
 * {@code src/test/resources/org/jxen/xend/SexprFuzzTestInputs}; {@code mvn verify} replays them,
 * {@code scripts/fuzz} fuzzes.
 */
class SexprFuzzTest {

    /** XendClient's limits with its default 1 MiB body limit. */
    private static final SexprReader.Limits CLIENT = new SexprReader.Limits(SexprReader.Limits.DEFAULT.maxDepth(), 1 << 20);
    private static final List<Function<Sexpr.SList, ?>> VIEWS = List.of(
            XendDomain::from, XendVcpus::from, XendVcpu::from, XendNode::from);

    /** The values read as XendClient reads them, or none when the reader refuses the input (its documented failure). */
    private static List<Sexpr> readOrNothing(byte[] input) {
        try {
            return SexprReader.readAll(input, CLIENT);
        } catch (SexprException refused) {
            return List.of();
        }
    }

    /** What was read is written back and read again unchanged. */
    @FuzzTest
    void readerYieldsValuesThatSurviveAWriteReadRoundTrip(byte[] input) {
        for (Sexpr value : readOrNothing(input)) {
            String written = SexprWriter.write(value);
            assertEquals(value, SexprReader.readAll(written.getBytes(StandardCharsets.UTF_8), CLIENT).getFirst(), written);
        }
    }

    /** Every view of every list read either reads its fields or refuses them. */
    @FuzzTest
    void typedViewsReadOrRefuse(byte[] input) {
        for (Sexpr value : readOrNothing(input)) {
            if (value instanceof Sexpr.SList list) {
                for (Function<Sexpr.SList, ?> view : VIEWS) {
                    try {
                        view.apply(list);
                    } catch (SexprException refused) {
                        // the documented failure
                    }
                }
            }
        }
    }
}
