package org.jxen.xend;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An S-expression as xend speaks it: an {@link Atom} (xend makes no difference between bare atoms
 * and quoted strings once parsed, and numbers are text too) or a {@link SList list}.
 *
 * <p>Values are immutable. Equality, hash codes and {@code toString()} (the {@link SexprWriter}
 * form) work without recursion, so even a value nested 100,000 levels deep is safe to use.
 */
public sealed interface Sexpr permits Sexpr.Atom, Sexpr.SList {

    /**
     * Creates an atom.
     *
     * @param text the text
     * @return the atom
     */
    static Atom atom(String text) {
        return new Atom(text);
    }

    /**
     * Creates a list.
     *
     * @param items the items, in order
     * @return the list
     */
    static SList list(Sexpr... items) {
        return new SList(List.of(items));
    }

    /**
     * Creates a list whose first item is the atom {@code name}, the shape of every xend field.
     *
     * @param name the head, e.g. {@code vcpus}
     * @param items the items after the head
     * @return the list {@code (name items...)}
     */
    static SList named(String name, Sexpr... items) {
        Sexpr[] all = new Sexpr[items.length + 1];
        all[0] = new Atom(name);
        System.arraycopy(items, 0, all, 1, items.length);
        return new SList(List.of(all));
    }

    /**
     * A text value: a bare atom, a quoted string, or a number (xend sends numbers as text, bare or quoted).
     *
     * @param text the text, never null
     */
    record Atom(String text) implements Sexpr {
        /**
         * Checks the text.
         *
         * @param text the text, never null
         */
        public Atom {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return SexprWriter.write(this);
        }
    }

    /**
     * A list of values. The typed accessors read xend's field convention: a field is a list whose
     * first item is the field name, e.g. {@code (vcpus 4)} inside {@code (domain ...)}.
     *
     * <p>The numeric accessors accept numbers bare or quoted ({@code 4} or {@code '4'}, as Python's
     * {@code repr} of a {@code long} arrives) and treat xend's {@code 'None'} as absent.
     *
     * @param items the items, in order (copied)
     */
    record SList(List<Sexpr> items) implements Sexpr {

        private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
        /** Python 2 prints a float in at most 24 characters; 64 leaves room for any other spelling. */
        private static final int MAX_DECIMAL_CHARS = 64;
        private static final double LOG10_2 = Math.log10(2);

        /**
         * Copies the items.
         *
         * @param items the items, in order
         */
        public SList {
            items = List.copyOf(items);
        }

        /**
         * Returns the list's name: its first item when that is an atom.
         *
         * @return the name, or empty for {@code ()} or a list that starts with a list
         */
        public Optional<String> name() {
            return !items.isEmpty() && items.getFirst() instanceof Atom a ? Optional.of(a.text()) : Optional.empty();
        }

        /**
         * Returns the first field called {@code name}: an item after the head that is a list named so.
         *
         * @param name the field name
         * @return the field, if present
         */
        public Optional<SList> child(String name) {
            for (int i = 1; i < items.size(); i++) {
                if (items.get(i) instanceof SList l && l.isNamed(name)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }

        /**
         * Returns every field called {@code name}, in order (e.g. each {@code (vcpu ...)} of a vcpuinfo reply).
         *
         * @param name the field name
         * @return the fields, possibly none
         */
        public List<SList> children(String name) {
            return items.stream().skip(1)
                    .filter(s -> s instanceof SList l && l.isNamed(name))
                    .map(SList.class::cast)
                    .toList();
        }

        /**
         * Returns the value of field {@code name}: the item after the field's head, e.g. {@code 4}
         * for {@code (vcpus 4)}.
         *
         * @param name the field name
         * @return the value, empty if the field is absent or has no value
         */
        public Optional<Sexpr> value(String name) {
            return child(name).filter(f -> f.items.size() > 1).map(f -> f.items.get(1));
        }

        /**
         * Returns the text of field {@code name}.
         *
         * @param name the field name
         * @return the text, empty if the field is absent or has no value
         * @throws SexprException if the value is a list
         */
        public Optional<String> string(String name) {
            return value(name).map(v -> {
                if (v instanceof Atom a) {
                    return a.text();
                }
                throw new SexprException("field " + name + ": expected a text value, found a list");
            });
        }

        /**
         * Returns field {@code name} as an int.
         *
         * @param name the field name
         * @return the value, empty if absent, valueless or {@code None}
         * @throws SexprException if it is not a decimal integer in int range
         */
        public OptionalInt intValue(String name) {
            Optional<BigInteger> v = integer(name, Integer.SIZE - 1, "int");
            return v.isEmpty() ? OptionalInt.empty() : OptionalInt.of(v.get().intValueExact());
        }

        /**
         * Returns field {@code name} as a long.
         *
         * @param name the field name
         * @return the value, empty if absent, valueless or {@code None}
         * @throws SexprException if it is not a decimal integer in long range
         */
        public OptionalLong longValue(String name) {
            Optional<BigInteger> v = integer(name, Long.SIZE - 1, "long");
            return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(v.get().longValueExact());
        }

        /**
         * Returns field {@code name} as a bitmask of at most {@code maxBits} bits (xend's Python
         * longs, e.g. {@code vcpu_avail}). The number of digits is checked before the text is
         * converted, so a hostile million-digit field costs no more than a short one.
         *
         * @param name the field name
         * @param maxBits how many bits the mask may have, at least 1: every set bit is below it
         * @return the value, empty if absent, valueless or {@code None}
         * @throws IllegalArgumentException if {@code maxBits} is below 1
         * @throws SexprException if it is not a decimal integer from 0 to 2<sup>maxBits</sup> - 1
         */
        public Optional<BigInteger> bitmaskValue(String name, int maxBits) {
            if (maxBits < 1) {
                throw new IllegalArgumentException("maxBits must be at least 1: " + maxBits);
            }
            Optional<BigInteger> v = integer(name, maxBits, maxBits + "-bit mask");
            v.filter(mask -> mask.signum() < 0).ifPresent(mask -> {
                throw new SexprException("field " + name + ": " + mask + " is negative, not a bitmask");
            });
            return v;
        }

        /**
         * Returns field {@code name} as a double (xend prints Python floats such as {@code 14.629698989}).
         *
         * @param name the field name
         * @return the value, empty if absent, valueless or {@code None}
         * @throws SexprException if it is not a decimal number of at most 64 characters
         */
        public OptionalDouble doubleValue(String name) {
            Optional<String> v = number(name, DECIMAL, "a number", MAX_DECIMAL_CHARS);
            return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v.get()));
        }

        /**
         * Reads an integer whose magnitude has at most {@code maxBits} bits. Text with more digits
         * than such a number can have is out of range without being converted: BigInteger's
         * conversion is quadratic in the digits.
         */
        private Optional<BigInteger> integer(String name, int maxBits, String type) {
            Optional<String> text = number(name, INTEGER, "an integer", Integer.MAX_VALUE);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            String t = text.get();
            int first = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
            while (first < t.length() - 1 && t.charAt(first) == '0') {
                first++;
            }
            // 2^maxBits - 1 has floor(maxBits * log10(2)) + 1 decimal digits
            int maxDigits = (int) (maxBits * LOG10_2) + 1;
            BigInteger v = t.length() - first > maxDigits ? null : new BigInteger(t);
            if (v == null || v.bitLength() > maxBits) {
                throw new SexprException("field " + name + ": " + preview(t) + " is out of " + type + " range");
            }
            return Optional.of(v);
        }

        private Optional<String> number(String name, Pattern syntax, String what, int maxChars) {
            Optional<String> text = string(name).filter(t -> !t.equals("None"));
            text.ifPresent(t -> {
                if (t.length() > maxChars || !syntax.matcher(t).matches()) {
                    throw new SexprException("field " + name + ": expected " + what + ", found " + preview(t));
                }
            });
            return text;
        }

        /** The text as written, cut to its first 40 characters: a hostile field must not make a huge message. */
        private static String preview(String t) {
            return t.length() <= 40 ? SexprWriter.write(new Atom(t))
                    : SexprWriter.write(new Atom(t.substring(0, 40))) + "... (" + t.length() + " characters)";
        }

        private boolean isNamed(String name) {
            return !items.isEmpty() && items.getFirst() instanceof Atom a && a.text().equals(name);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof SList other)) {
                return false;
            }
            // Walks both trees side by side with explicit stacks instead of recursing.
            ArrayDeque<Iterator<Sexpr>> left = new ArrayDeque<>();
            ArrayDeque<Iterator<Sexpr>> right = new ArrayDeque<>();
            if (items.size() != other.items.size()) {
                return false;
            }
            left.push(items.iterator());
            right.push(other.items.iterator());
            while (!left.isEmpty()) {
                Iterator<Sexpr> l = left.peek();
                Iterator<Sexpr> r = right.peek();
                if (!l.hasNext()) {
                    left.pop();
                    right.pop();
                    continue;
                }
                Sexpr a = l.next();
                Sexpr b = r.next();
                if (a instanceof SList la && b instanceof SList lb) {
                    if (la.items.size() != lb.items.size()) {
                        return false;
                    }
                    left.push(la.items.iterator());
                    right.push(lb.items.iterator());
                } else if (!(a instanceof Atom && a.equals(b))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            // List.hashCode's formula (31 * h + item), computed bottom-up with an explicit stack.
            ArrayDeque<Iterator<Sexpr>> iterators = new ArrayDeque<>();
            ArrayDeque<int[]> hashes = new ArrayDeque<>();
            iterators.push(items.iterator());
            hashes.push(new int[] {1});
            while (true) {
                Iterator<Sexpr> it = iterators.peek();
                if (it.hasNext()) {
                    Sexpr s = it.next();
                    if (s instanceof SList l) {
                        iterators.push(l.items.iterator());
                        hashes.push(new int[] {1});
                    } else {
                        int[] h = hashes.peek();
                        h[0] = 31 * h[0] + s.hashCode();
                    }
                    continue;
                }
                iterators.pop();
                int done = hashes.pop()[0];
                if (hashes.isEmpty()) {
                    return done;
                }
                int[] h = hashes.peek();
                h[0] = 31 * h[0] + done;
            }
        }

        @Override
        public String toString() {
            return SexprWriter.write(this);
        }
    }
}
