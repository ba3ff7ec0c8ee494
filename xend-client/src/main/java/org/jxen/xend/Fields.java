package org.jxen.xend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Conversions shared by the reply records: required fields, CPU lists, UUIDs, seconds. */
final class Fields {

    private static final Pattern DASHED_UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern PLAIN_UUID = Pattern.compile("\\p{XDigit}{32}");
    /** xend 3.0.0 and 3.0.1 printed four groups of eight ({@code uuid.py} toString, tag RELEASE-3.0.0, line 57). */
    private static final Pattern FOUR_EIGHTS_UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{8}){3}");

    private Fields() {
    }

    static int requiredInt(Sexpr.SList s, String name) {
        return s.intValue(name).orElseThrow(() -> missing(s, name));
    }

    static String requiredString(Sexpr.SList s, String name) {
        return s.string(name).orElseThrow(() -> missing(s, name));
    }

    static SexprException missing(Sexpr.SList s, String name) {
        return new SexprException("(" + s.name().orElse("?") + " ...) has no field " + name);
    }

    /** Parses xend's UUID spellings: dashed 8-4-4-4-12, 8-8-8-8 (xend 3.0.0), or 32 hex digits (libvirt's tests). */
    static UUID uuid(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (FOUR_EIGHTS_UUID.matcher(t).matches()) {
            t = t.replace("-", "");
        }
        if (PLAIN_UUID.matcher(t).matches()) {
            t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-"
                    + t.substring(16, 20) + "-" + t.substring(20);
        } else if (!DASHED_UUID.matcher(t).matches()) {
            throw new SexprException("field uuid: not a UUID: " + new Sexpr.Atom(text));
        }
        return UUID.fromString(t);
    }

    /** Reads a list of CPU numbers such as {@code (0 1 3)}. */
    static List<Integer> cpuList(Sexpr s, String field) {
        if (!(s instanceof Sexpr.SList list)) {
            throw new SexprException("field " + field + ": expected a list of CPU numbers, found " + s);
        }
        List<Integer> cpus = new ArrayList<>(list.items().size());
        for (Sexpr item : list.items()) {
            if (!(item instanceof Sexpr.Atom a) || !a.text().matches("\\d{1,9}")) {
                throw new SexprException("field " + field + ": not a CPU number: " + item);
            }
            cpus.add(Integer.parseInt(a.text()));
        }
        return List.copyOf(cpus);
    }

    /** Converts xend's float seconds to nanoseconds. */
    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
