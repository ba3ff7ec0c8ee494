package org.jxen.xend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Conversions shared by the reply records: required fields, CPU lists, UUIDs, seconds. Every
 * number is checked against the range its field can have, so nonsense from xend is a
 * {@link SexprException} naming the field, never a value that breaks arithmetic later.
 */
final class Fields {

    /**
     * The most vCPUs a Xen domain can have: x86-64's MAX_VIRT_CPUS, 8192 (the per-domain GDT/LDT
     * area, {@code xen/arch/x86/include/asm/config.h} line 248, Xen commit c447b73; the same formula
     * in Xen 4.4's {@code xen/include/asm-x86/config.h} line 297), which {@code xen/arch/x86/domain.c}
     * line 608 enforces for PV guests; HVM guests have at most HVM_MAX_VCPUS, 128
     * ({@code xen/include/public/hvm/hvm_info_table.h} line 18), and Arm guests GUEST_MAX_VCPUS,
     * 128 ({@code xen/include/public/arch-arm.h} line 518).
     */
    static final int MAX_VCPUS = 8192;
    /** The highest domain id: domids are uint16 ({@code domid_t} in {@code xen/include/public/xen.h}). */
    static final int MAX_DOMID = 0xFFFF;
    /** The longest CPU time accepted, about 292 years: the most nanoseconds a long holds. */
    private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;

    private static final Pattern DASHED_UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern PLAIN_UUID = Pattern.compile("\\p{XDigit}{32}");
    /** xend 3.0.0 and 3.0.1 printed four groups of eight ({@code uuid.py} toString, tag RELEASE-3.0.0, line 57). */
    private static final Pattern FOUR_EIGHTS_UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{8}){3}");

    private Fields() {
    }

    static int requiredInt(Sexpr.SList s, String name, int min, int max) {
        return (int) inRange(name, s.intValue(name).orElseThrow(() -> missing(s, name)), min, max);
    }

    static long requiredLong(Sexpr.SList s, String name, long min, long max) {
        return inRange(name, s.longValue(name).orElseThrow(() -> missing(s, name)), min, max);
    }

    static OptionalInt optionalInt(Sexpr.SList s, String name, int min, int max) {
        OptionalInt v = s.intValue(name);
        return v.isEmpty() ? v : OptionalInt.of((int) inRange(name, v.getAsInt(), min, max));
    }

    private static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new SexprException("field " + name + ": " + value + " is outside " + min + " to " + max);
        }
        return value;
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

    /** Reads xend's float seconds as nanoseconds; negative, infinite or NaN seconds are refused. */
    static OptionalLong nanos(Sexpr.SList s, String name) {
        OptionalDouble seconds = s.doubleValue(name);
        if (seconds.isEmpty()) {
            return OptionalLong.empty();
        }
        double v = seconds.getAsDouble();
        if (!(v >= 0 && v <= MAX_SECONDS)) {
            throw new SexprException("field " + name + ": " + v + " seconds is outside 0 to " + MAX_SECONDS);
        }
        return OptionalLong.of(Math.round(v * 1e9));
    }
}
