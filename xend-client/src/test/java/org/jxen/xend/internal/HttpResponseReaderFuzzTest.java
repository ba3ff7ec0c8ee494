package org.jxen.xend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jxen.xend.XendException;

/**
 * Fuzz target for the HTTP reply reader. The contract: any bytes either yield a reply whose body
 * is within the limit or fail with {@link XendException} of kind PROTOCOL_ERROR; any other
 * throwable is a finding. Seeds and saved findings are in
 * {@code src/test/resources/org/jxen/xend/internal/HttpResponseReaderFuzzTestInputs}.
 */
class HttpResponseReaderFuzzTest {

    /** Small, so that the fuzzer reaches the body limit too. */
    private static final int MAX_BODY = 4096;

    @FuzzTest
    void readsAReplyOrRefusesIt(byte[] input) throws IOException {
        try {
            HttpResponse reply = HttpResponseReader.read(new ByteArrayInputStream(input), MAX_BODY);
            assertTrue(reply.body().length <= MAX_BODY, () -> "body of " + reply.body().length + " bytes");
        } catch (XendException e) {
            assertEquals(XendException.Kind.PROTOCOL_ERROR, e.kind(), e::getMessage);
        }
    }
}
