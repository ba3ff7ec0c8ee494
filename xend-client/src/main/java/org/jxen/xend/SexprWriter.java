package org.jxen.xend;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Writes S-expressions the way xend's {@code sxp.show} does, on one line: items separated by one
 * space; text made only of ASCII letters, digits and {@code .-_:/~} (or exactly {@code @}) bare;
 * any other text quoted as Python's {@code repr} quotes it ({@code '...'}, or {@code "..."} when it
 * holds {@code '} but no {@code "}; {@code \t \n \r \\} and the quote escaped; other control and
 * non-ASCII bytes of its UTF-8 form as {@code \xHH}).
 *
 * <p>{@link SexprReader} reads the output back to an equal value. Iterative; thread-safe.
 */
public final class SexprWriter {

    private SexprWriter() {
    }

    /**
     * Writes a value.
     *
     * @param value the value
     * @return its text, pure ASCII
     * @throws IllegalArgumentException if some text holds an unpaired surrogate (it has no UTF-8 form)
     */
    public static String write(Sexpr value) {
        StringBuilder out = new StringBuilder();
        if (value instanceof Sexpr.Atom a) {
            text(a.text(), out);
            return out.toString();
        }
        ArrayDeque<Iterator<Sexpr>> open = new ArrayDeque<>();
        open.push(((Sexpr.SList) value).items().iterator());
        out.append('(');
        boolean first = true;
        while (!open.isEmpty()) {
            Iterator<Sexpr> it = open.peek();
            if (!it.hasNext()) {
                open.pop();
                out.append(')');
                first = false;
                continue;
            }
            if (!first) {
                out.append(' ');
            }
            Sexpr next = it.next();
            if (next instanceof Sexpr.SList l) {
                out.append('(');
                open.push(l.items().iterator());
                first = true;
            } else {
                text(((Sexpr.Atom) next).text(), out);
                first = false;
            }
        }
        return out.toString();
    }

    private static void text(String s, StringBuilder out) {
        if (isBare(s)) {
            out.append(s);
            return;
        }
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        ByteBuffer bytes = utf8(s);
        while (bytes.hasRemaining()) {
            int c = bytes.get() & 0xff;
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(quote);
                    } else if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        out.append(quote);
    }

    private static ByteBuffer utf8(String s) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text with an unpaired surrogate has no UTF-8 form: " + s, e);
        }
    }

    /** xend's {@code atomp}: text that needs no quotes. */
    private static boolean isBare(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals("@")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == ':' || c == '/' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
