package org.jxen.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.function.Function;
import org.jxen.xenstore.XenstoreProtocolException;

/**
 * Fuzz target for what xenstored sends: frames as read off the connection, and every reply
 * decoder on each payload. The contract: a stream of bytes yields frames of at most 4096 payload
 * bytes until it ends cleanly ({@link EOFException}) or is refused with
 * {@link XenstoreProtocolException}; each decoder returns a value or throws
 * {@link XenstoreProtocolException}. Any other throwable is a finding. Seeds and saved findings
 * are in {@code src/test/resources/org/jxen/xenstore/internal/FrameFuzzTestInputs}.
 */
class FrameFuzzTest {

    private static final List<Function<byte[], ?>> DECODERS = List.of(
            p -> Payloads.strings(Op.DIRECTORY, p),
            p -> Payloads.strings(Op.GET_DOMAIN_PATH, p, 1),
            p -> Payloads.ok(Op.WRITE, p),
            Requests::transactionId);

    @FuzzTest
    void framesAndPayloadsDecodeOrAreRefused(byte[] input) throws IOException {
        ReadableByteChannel channel = Channels.newChannel(new ByteArrayInputStream(input));
        try {
            while (true) {
                Frame frame = Frame.read(channel);
                assertTrue(frame.payload().length <= Frame.PAYLOAD_MAX, () -> frame.payload().length + " payload bytes");
                for (Function<byte[], ?> decoder : DECODERS) {
                    try {
                        decoder.apply(frame.payload());
                    } catch (XenstoreProtocolException refused) {
                        // the documented failure
                    }
                }
            }
        } catch (EOFException | XenstoreProtocolException end) {
            // a clean end between frames, or a refused stream
        }
    }
}
