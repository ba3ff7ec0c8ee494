package org.jxen.xend;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads S-expressions by xend's rules ({@code xen/xend/sxp.py}, Xen 3.0 to 4.4):
 * <ul>
 * <li>whitespace (space, tab, newline, VT, FF, CR) separates items; {@code #} starts a comment
 *     to the end of the line; {@code (} and {@code )} delimit lists;</li>
 * <li>strings are delimited by {@code '} or {@code "} and know the escapes {@code \a \b \t \n
 *     \v \f \r \\ \' \"}, {@code \xHH} (one or two hex digits) and {@code \ooo} (one to three octal
 *     digits, at most 0377);</li>
 * <li>an atom starts with a printable ASCII character and runs up to whitespace, {@code #} or one
 *     of {@code { } ( ) < > [ ] ;} (so {@code \} is an ordinary atom character);</li>
 * <li>several values may follow each other; a ctrl-D (0x04) outside any list ends the input.</li>
 * </ul>
 * The bytes of each atom and string (after escapes) must be UTF-8: xend's Python 2 strings were
 * bytes, and it printed non-ASCII bytes as {@code \xHH} escapes.
 *
 * <p>Deliberate differences, all stricter or safer: an unknown escape such as {@code \q} keeps
 * the backslash and the character (xend 4.x kept the backslash but dropped the character); control
 * characters other than whitespace are refused everywhere (xend let them into strings and atom
 * tails, but never printed any); nesting and token size are bounded by {@link Limits}.
 *
 * <p>The reader is iterative: no input can overflow the stack. It is stateless and thread-safe.
 */
public final class SexprReader {

    /**
     * Bounds on what the reader accepts.
     *
     * @param maxDepth the deepest list nesting accepted, at least 1
     * @param maxTokenBytes the longest atom or string accepted, in bytes after escapes, at least 1
     */
    public record Limits(int maxDepth, int maxTokenBytes) {

        /** 256 levels (xend's deepest replies have fewer than 10) and 64 KiB per atom or string. */
        public static final Limits DEFAULT = new Limits(256, 64 * 1024);

        /**
         * Checks the bounds.
         *
         * @param maxDepth the deepest list nesting accepted, at least 1
         * @param maxTokenBytes the longest atom or string accepted, at least 1
         */
        public Limits {
            if (maxDepth < 1 || maxTokenBytes < 1) {
                throw new IllegalArgumentException("limits must be at least 1: depth " + maxDepth + ", token " + maxTokenBytes);
            }
        }
    }

    private SexprReader() {
    }

    /**
     * Reads every top-level value, with the default limits.
     *
     * @param input the bytes, e.g. an HTTP reply body
     * @return the values in order, possibly none
     * @throws SexprException on malformed input or a limit exceeded
     */
    public static List<Sexpr> readAll(byte[] input) {
        return readAll(input, Limits.DEFAULT);
    }

    /**
     * Reads every top-level value.
     *
     * @param input the bytes
     * @param limits the bounds to enforce
     * @return the values in order, possibly none
     * @throws SexprException on malformed input or a limit exceeded
     */
    public static List<Sexpr> readAll(byte[] input, Limits limits) {
        return new Parse(input, limits).run();
    }

    /**
     * Reads exactly one value, with the default limits.
     *
     * @param input the bytes
     * @return the value
     * @throws SexprException on malformed input, a limit exceeded, or not exactly one value
     */
    public static Sexpr readOne(byte[] input) {
        List<Sexpr> all = readAll(input);
        if (all.size() != 1) {
            throw new SexprException("expected one S-expression, found " + all.size());
        }
        return all.getFirst();
    }

    /**
     * Reads exactly one value from text, with the default limits.
     *
     * @param text the text (encoded as UTF-8 for reading)
     * @return the value
     * @throws SexprException on malformed input, a limit exceeded, or not exactly one value
     */
    public static Sexpr readOne(String text) {
        return readOne(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One pass over one input. */
    private static final class Parse {
        private final byte[] in;
        private final Limits limits;
        private int pos;
        private final ArrayDeque<List<Sexpr>> open = new ArrayDeque<>();
        private final ArrayDeque<Integer> openedAt = new ArrayDeque<>();
        private List<Sexpr> current = new ArrayList<>();
        private byte[] buf = new byte[64];

        Parse(byte[] in, Limits limits) {
            this.in = in;
            this.limits = limits;
        }

        List<Sexpr> run() {
            while (pos < in.length) {
                int c = in[pos] & 0xff;
                if (isSpace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < in.length && in[pos] != '\n') {
                        pos++;
                    }
                } else if (c == '(') {
                    if (open.size() == limits.maxDepth()) {
                        throw error("lists nested deeper than " + limits.maxDepth() + " levels", pos);
                    }
                    open.push(current);
                    openedAt.push(pos);
                    current = new ArrayList<>();
                    pos++;
                } else if (c == ')') {
                    if (open.isEmpty()) {
                        throw error("')' without a matching '('", pos);
                    }
                    Sexpr done = new Sexpr.SList(current);
                    current = open.pop();
                    openedAt.pop();
                    current.add(done);
                    pos++;
                } else if (c == '\'' || c == '"') {
                    current.add(string(c));
                } else if (c == 4 && open.isEmpty()) {
                    break; // ctrl-D: end of text, as xend reads it
                } else if (c > 0x20 && c < 0x7f) {
                    current.add(atom());
                } else {
                    throw error("invalid character " + hex(c), pos);
                }
            }
            if (!open.isEmpty()) {
                throw error("unexpected end of input: " + open.size() + " unclosed list(s), the innermost opened",
                        openedAt.peek());
            }
            return List.copyOf(current);
        }

        /** Reads an atom; its first byte is printable ASCII, taken even if it is a separator (as xend does). */
        private Sexpr atom() {
            int start = pos++;
            boolean ascii = true;
            while (pos < in.length) {
                int c = in[pos] & 0xff;
                if (isSpace(c) || c == '#' || isSeparator(c)) {
                    break;
                }
                if (c < 0x20 || c == 0x7f) {
                    throw error("invalid character " + hex(c) + " in an atom", pos);
                }
                ascii &= c < 0x80;
                pos++;
                if (pos - start > limits.maxTokenBytes()) {
                    throw error("atom longer than " + limits.maxTokenBytes() + " bytes", start);
                }
            }
            return new Sexpr.Atom(ascii
                    ? new String(in, start, pos - start, StandardCharsets.ISO_8859_1)
                    : utf8(in, start, pos - start, start));
        }

        private Sexpr string(int delimiter) {
            int start = pos++;
            int len = 0;
            boolean ascii = true;
            while (true) {
                if (pos >= in.length) {
                    throw error("unexpected end of input in a string", start);
                }
                int c = in[pos] & 0xff;
                if (c == delimiter) {
                    pos++;
                    break;
                }
                int b;
                if (c == '\\') {
                    b = escape(start);
                    if (b < 0) {
                        b = '\\'; // unknown escape: the backslash stays, the next byte is read as usual
                    }
                } else if (c < 0x20 && !isSpace(c) || c == 0x7f) {
                    throw error("invalid character " + hex(c) + " in a string", pos);
                } else {
                    b = c;
                    pos++;
                }
                if (len == limits.maxTokenBytes()) {
                    throw error("string longer than " + limits.maxTokenBytes() + " bytes", start);
                }
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, limits.maxTokenBytes()));
                }
                buf[len++] = (byte) b;
                ascii &= b < 0x80;
            }
            return new Sexpr.Atom(ascii ? new String(buf, 0, len, StandardCharsets.ISO_8859_1) : utf8(buf, 0, len, start));
        }

        /** Reads the escape at pos; returns the byte it stands for, or -1 (pos on the backslash's next byte) if unknown. */
        private int escape(int stringStart) {
            int at = pos++;
            if (pos >= in.length) {
                throw error("unexpected end of input in an escape", at);
            }
            int c = in[pos] & 0xff;
            int simple = switch (c) {
                case 'a' -> 7;
                case 'b' -> 8;
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'v' -> 0x0b;
                case 'f' -> '\f';
                case 'r' -> '\r';
                case '\\', '\'', '"' -> c;
                default -> -1;
            };
            if (simple >= 0) {
                pos++;
                return simple;
            }
            if (c == 'x') {
                pos++;
                int value = 0;
                int digits = 0;
                while (digits < 2 && pos < in.length && Character.digit(in[pos], 16) >= 0) {
                    value = value * 16 + Character.digit(in[pos++], 16);
                    digits++;
                }
                if (digits == 0) {
                    throw error("\\x escape without hex digits", at);
                }
                return value;
            }
            if (c >= '0' && c <= '7') {
                int value = 0;
                int digits = 0;
                while (digits < 3 && pos < in.length && in[pos] >= '0' && in[pos] <= '7') {
                    value = value * 8 + in[pos++] - '0';
                    digits++;
                }
                if (value > 0xff) {
                    throw error("octal escape out of range (above \\377)", at);
                }
                return value;
            }
            return -1;
        }

        private String utf8(byte[] bytes, int offset, int length, int tokenStart) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, offset, length))
                        .toString();
            } catch (CharacterCodingException e) {
                throw error("invalid UTF-8 in the token", tokenStart);
            }
        }

        private SexprException error(String message, int offset) {
            long line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < in.length; i++) {
                if (in[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new SexprException(message, offset, line, offset - lineStart + 1);
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
        }

        private static boolean isSeparator(int c) {
            return switch (c) {
                case '{', '}', '(', ')', '<', '>', '[', ']', ';' -> true;
                default -> false;
            };
        }

        private static String hex(int c) {
            return String.format("0x%02X", c);
        }
    }
}
