package org.jxen.xenstore.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jxen.xenstore.XenstoreProtocolException;

/** The payload conventions of docs/misc/xenstore.txt: strings each followed by one NUL. */
final class Payloads {
    private static final byte[] OK = {'O', 'K', 0};

    private Payloads() {
    }

    /** Each string followed by a NUL, then {@code tail} as is (a written value has no NUL). */
    static byte[] of(List<String> strings, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : strings) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** Each string followed by a NUL. */
    static byte[] of(String... strings) {
        return of(List.of(strings), new byte[0]);
    }

    /** Splits a payload of NUL-terminated strings; empty payload = no strings. */
    static List<String> strings(Op op, byte[] payload) {
        if (payload.length > 0 && payload[payload.length - 1] != 0) {
            throw new XenstoreProtocolException(op + " reply is not NUL-terminated", null);
        }
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                strings.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return List.copyOf(strings);
    }

    /** Exactly {@code count} NUL-terminated strings. */
    static List<String> strings(Op op, byte[] payload, int count) {
        List<String> strings = strings(op, payload);
        if (strings.size() != count) {
            throw new XenstoreProtocolException(
                    op + " reply holds " + strings.size() + " strings, expected " + count, null);
        }
        return strings;
    }

    /** The reply of WRITE, MKDIR, RM, WATCH, UNWATCH and TRANSACTION_END: exactly "OK" and a NUL. */
    static Void ok(Op op, byte[] payload) {
        if (!Arrays.equals(payload, OK)) {
            throw new XenstoreProtocolException(op + " reply is not \"OK\\0\": "
                    + new String(payload, StandardCharsets.ISO_8859_1).replace("\0", "\\0"), null);
        }
        return null;
    }
}
