package org.jxen.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jxen.DomainUsage;
import org.jxen.DomainVcpus;
import org.jxen.VcpuSnapshot;
import org.jxen.VcpuUsage;

/** One frame of {@code top}: a title, then per domain a row and one row per vCPU, in aligned columns. */
final class TopFrame {

    private static final String ROW = "%-34s %5s %5s %6s %10s %7s%n";

    private TopFrame() {
    }

    /**
     * Writes a frame.
     *
     * @param previous the snapshot of the frame before, or null for the first frame (no figures)
     * @param now this frame's snapshot
     * @param delayMillis the time between frames, for the title
     * @param keys whether keys are read (the title then says how to quit)
     * @return the text, ending with a newline
     */
    static String render(VcpuSnapshot previous, VcpuSnapshot now, long delayMillis, boolean keys) {
        // Against an empty snapshot every domain is new, which is what a first frame shows: no figures.
        List<DomainUsage> usage = previous == null ? now.usageSince(new VcpuSnapshot(now.takenAt() - 1, List.of()))
                : now.usageSince(previous);
        int vcpus = now.domains().stream().mapToInt(DomainVcpus::maximum).sum();
        int online = now.domains().stream().mapToInt(DomainVcpus::current).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "jxen top: %d domains, %d of %d vCPUs online, every %.1f s%s%n", now.domains().size(), online, vcpus,
                delayMillis / 1000.0, keys ? " (q quits)" : ""));
        text.append(String.format(ROW, "NAME", "ID", "VCPUS", "ONLINE", "CPU(sec)", "CPU(%)"));
        for (int i = 0; i < usage.size(); i++) {
            DomainVcpus d = now.domains().get(i);
            DomainUsage u = usage.get(i);
            text.append(String.format(ROW, d.domain().name(), d.domain().id(), d.maximum(), d.current(),
                    seconds(d.cpuTime()), percent(u.percent())));
            for (VcpuUsage v : u.vcpus()) {
                int cpu = d.vcpus().get(v.number()).cpu();
                String label = "  vCPU " + v.number() + " " + v.state().name().toLowerCase(Locale.ROOT)
                        + (cpu < 0 ? "" : " on CPU " + cpu);
                text.append(String.format(ROW, label, "", "", "", seconds(d.vcpus().get(v.number()).cpuTime()),
                        percent(v.percent())));
            }
        }
        return text.append('\n').toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** No figure is a dash, as for a vCPU that is down or a domain seen for the first time. */
    private static String percent(OptionalDouble p) {
        return p.isPresent() ? String.format(Locale.ROOT, "%.1f", p.getAsDouble()) : "-";
    }
}
