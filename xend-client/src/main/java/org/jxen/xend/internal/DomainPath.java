package org.jxen.xend.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code /xend/domain/<dom>} so that no domain name can reach another URL: every byte of
 * the name's UTF-8 form other than ASCII letters, digits, {@code -}, {@code _} and {@code ~} is
 * percent-encoded, so the name is always exactly one path segment. Dots are encoded too, so that
 * {@code .} and {@code ..} never form dot-segments that something could resolve. xend splits the
 * path on {@code /} first and percent-decodes each segment after, so it sees the name unchanged.
 */
public final class DomainPath {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DomainPath() {
    }

    /**
     * Returns the domain's URL path.
     *
     * @param domain a domain name, id or UUID as xend looks it up
     * @return {@code /xend/domain/} and the encoded segment
     * @throws IllegalArgumentException if the name is empty (that would be the domain list) or
     *     holds an unpaired surrogate (it has no UTF-8 form)
     */
    public static String of(String domain) {
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("the domain name is empty");
        }
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(domain));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the domain name holds an unpaired surrogate", e);
        }
        StringBuilder out = new StringBuilder("/xend/domain/");
        while (bytes.hasRemaining()) {
            int b = bytes.get() & 0xff;
            if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b == '~') {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 15]);
            }
        }
        return out.toString();
    }
}
