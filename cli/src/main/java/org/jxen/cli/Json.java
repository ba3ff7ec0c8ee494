package org.jxen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jxen.DomainIdentity;
import org.jxen.DomainVcpus;
import org.jxen.InterfaceVersions;
import org.jxen.NodeInfo;
import org.jxen.VcpuCount;
import org.jxen.VcpuInfo;
import org.jxen.VcpuSample;
import org.jxen.VcpuSnapshot;

/**
 * The {@code --json} output of every command, with Jackson's streaming writer. Only this class
 * touches Jackson, so a call without {@code --json} never loads it (start-up time).
 */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** Indented as jq prints: one element per line, {@code "name": value}. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private Json() {
    }

    /**
     * One domain of {@code list}: who it is and its vCPU counts.
     *
     * @param identity the id, name and UUID
     * @param vcpus online and maximum vCPUs
     */
    record DomainRow(DomainIdentity identity, VcpuCount vcpus) {
    }

    /**
     * Prints {@code vcpuinfo}: an array of {vcpu, state, cpu, cpu_time_ns, affinity, soft_affinity}.
     *
     * @param out where to print
     * @param vcpus the vCPUs
     */
    static void vcpus(PrintStream out, List<VcpuInfo> vcpus) {
        array(out, vcpus, (g, v) -> {
            g.writeNumberField("vcpu", v.number());
            g.writeStringField("state", v.state().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("cpu", v.cpu());
            g.writeNumberField("cpu_time_ns", v.cpuTime());
            g.writeStringField("affinity", v.hardAffinity().toString());
            g.writeStringField("soft_affinity", v.softAffinity().toString());
        });
    }

    /**
     * Prints {@code vcpuinfo} without a domain: an array of {domain, id, vcpu, state, cpu,
     * cpu_time_ns, affinity, soft_affinity}, one per vCPU of every domain.
     *
     * @param out where to print
     * @param all the snapshot, read with the affinities
     */
    static void vcpuList(PrintStream out, VcpuSnapshot all) {
        write(out, g -> {
            g.writeStartArray();
            for (DomainVcpus d : all.domains()) {
                for (VcpuSample v : d.vcpus()) {
                    object(g, v, (o, s) -> {
                        o.writeStringField("domain", d.domain().name());
                        o.writeNumberField("id", d.domain().id());
                        o.writeNumberField("vcpu", s.number());
                        o.writeStringField("state", s.state().name().toLowerCase(Locale.ROOT));
                        o.writeNumberField("cpu", s.cpu());
                        o.writeNumberField("cpu_time_ns", s.cpuTime());
                        o.writeStringField("affinity", s.hardAffinity().orElseThrow().toString());
                        o.writeStringField("soft_affinity", s.softAffinity().orElseThrow().toString());
                    });
                }
            }
            g.writeEndArray();
        });
    }

    /**
     * Prints {@code domstats --vcpu}: an array with one object per domain holding {@code domain},
     * {@code id}, {@code uuid} and libvirt's typed parameters by their names ({@code vcpu.current},
     * {@code vcpu.maximum}, {@code vcpu.<n>.state}, {@code vcpu.<n>.time}).
     *
     * @param out where to print
     * @param domains the domains
     */
    static void domainStats(PrintStream out, List<DomainVcpus> domains) {
        array(out, domains, (g, d) -> {
            g.writeStringField("domain", d.domain().name());
            g.writeNumberField("id", d.domain().id());
            g.writeStringField("uuid", d.domain().uuid().toString());
            for (DomstatsCommand.Stat stat : DomstatsCommand.vcpuStats(d)) {
                g.writeNumberField(stat.name(), stat.value());
            }
        });
    }

    /**
     * Prints {@code vcpupin}: an array of {vcpu, affinity, soft_affinity}.
     *
     * @param out where to print
     * @param vcpus the vCPUs
     */
    static void affinities(PrintStream out, List<VcpuInfo> vcpus) {
        array(out, vcpus, (g, v) -> {
            g.writeNumberField("vcpu", v.number());
            g.writeStringField("affinity", v.hardAffinity().toString());
            g.writeStringField("soft_affinity", v.softAffinity().toString());
        });
    }

    /**
     * Prints {@code vcpucount} and {@code setvcpus}: {current, maximum}.
     *
     * @param out where to print
     * @param count the counts
     */
    static void vcpuCount(PrintStream out, VcpuCount count) {
        write(out, g -> object(g, count, (o, c) -> {
            o.writeNumberField("current", c.current());
            o.writeNumberField("maximum", c.maximum());
        }));
    }

    /**
     * Prints {@code nodeinfo}: {cpus, max_cpu_id, xen_version, domctl_interface, sysctl_interface},
     * the interface versions as numbers, or null without privcmd.
     *
     * @param out where to print
     * @param node the host
     * @param versions the hypercall interface versions, when privcmd is used
     */
    static void node(PrintStream out, NodeInfo node, Optional<InterfaceVersions> versions) {
        write(out, g -> object(g, node, (o, n) -> {
            o.writeNumberField("cpus", n.cpus());
            o.writeNumberField("max_cpu_id", n.maxCpuId());
            o.writeStringField("xen_version", n.xenVersion());
            if (versions.isPresent()) {
                o.writeNumberField("domctl_interface", versions.get().domctl());
                o.writeNumberField("sysctl_interface", versions.get().sysctl());
            } else {
                o.writeNullField("domctl_interface");
                o.writeNullField("sysctl_interface");
            }
        }));
    }

    /**
     * Prints {@code list}: an array of {id, name, uuid, vcpus_online, vcpus_max}, the domain fields
     * of a test host file.
     *
     * @param out where to print
     * @param domains the domains
     */
    static void domains(PrintStream out, List<DomainRow> domains) {
        array(out, domains, (g, d) -> {
            g.writeNumberField("id", d.identity().id());
            g.writeStringField("name", d.identity().name());
            g.writeStringField("uuid", d.identity().uuid().toString());
            g.writeNumberField("vcpus_online", d.vcpus().current());
            g.writeNumberField("vcpus_max", d.vcpus().maximum());
        });
    }

    /** Writes one JSON document; Jackson reports errors of the stream as IOException. */
    private interface Document {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes the fields of one object for a value. */
    private interface Fields<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private static <T> void array(PrintStream out, List<T> values, Fields<T> fields) {
        write(out, g -> {
            g.writeStartArray();
            for (T value : values) {
                object(g, value, fields);
            }
            g.writeEndArray();
        });
    }

    private static <T> void object(JsonGenerator g, T value, Fields<T> fields) throws IOException {
        g.writeStartObject();
        fields.write(g, value);
        g.writeEndObject();
    }

    private static void write(PrintStream out, Document document) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(PRINTER);
            document.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
