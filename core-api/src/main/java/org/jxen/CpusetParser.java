package org.jxen;

/**
 * Parses the cpuset text of xl and virsh ({@code 0-3,^2,8}, {@code all}): comma-separated items,
 * each a CPU, a range {@code first-last}, either negated with {@code ^}, or {@code all}; applied
 * left to right, as both tools do. Blanks around items are allowed, as virsh allows them.
 */
final class CpusetParser {

    private CpusetParser() {
    }

    /** Parses {@code text}; {@code hostCpus} is -1 when the host is unknown (then {@code all} is refused). */
    static CpuMap parse(String text, int hostCpus) {
        if (text == null || text.isBlank()) {
            throw bad(text, "it is empty; expected CPU numbers such as 0-3,^2,8"
                    + (hostCpus > 0 ? " or 'all'" : ""));
        }
        CpuMap.RangeBuilder b = new CpuMap.RangeBuilder();
        String[] items = text.split(",", -1);
        for (int n = 0; n < items.length; n++) {
            String item = items[n].strip();
            if (item.isEmpty()) {
                throw bad(text, "item " + (n + 1) + " is empty");
            }
            boolean negate = item.startsWith("^");
            String body = negate ? item.substring(1).strip() : item;
            if (body.equals("all")) {
                if (negate) {
                    throw bad(text, "'^all' would remove every CPU");
                }
                if (hostCpus < 0) {
                    throw bad(text, "'all' needs the host's CPU count; use CpuMap.parse(text, hostCpus)");
                }
                b.add(0, hostCpus - 1);
                continue;
            }
            if (body.isEmpty()) {
                throw bad(text, "'^' must be followed by a CPU number or a range");
            }
            int dash = body.indexOf('-', 1);
            int first = number(text, item, dash < 0 ? body : body.substring(0, dash), hostCpus);
            int last = dash < 0 ? first : number(text, item, body.substring(dash + 1), hostCpus);
            if (first > last) {
                throw bad(text, "range '" + body + "' runs backwards: " + first + " is greater than " + last);
            }
            if (negate) {
                b.remove(first, last);
            } else {
                b.add(first, last);
            }
        }
        CpuMap map = b.build();
        if (map.isEmpty()) {
            throw bad(text, "it selects no CPU");
        }
        return map;
    }

    private static int number(String text, String item, String digits, int hostCpus) {
        String s = digits.strip();
        if (s.startsWith("-")) {
            throw bad(text, "'" + item + "' is negative; CPU numbers are 0-" + maxCpu(hostCpus));
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(text, "'" + item + "' is not a CPU number, a range N-M, ^N or 'all'");
        }
        long value = 0;
        for (int i = 0; i < s.length() && value <= CpuMap.MAX_CPU; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        if (value > CpuMap.MAX_CPU) {
            throw bad(text, "CPU " + s + " is out of range 0-" + maxCpu(hostCpus));
        }
        if (hostCpus > 0 && value >= hostCpus) {
            throw bad(text, "CPU " + value + " is beyond the host's CPUs 0-" + (hostCpus - 1));
        }
        return (int) value;
    }

    private static long maxCpu(int hostCpus) {
        return hostCpus > 0 ? hostCpus - 1 : CpuMap.MAX_CPU;
    }

    private static JxenException bad(String text, String why) {
        return JxenException.invalidArg("bad cpuset '" + text + "': " + why);
    }
}
