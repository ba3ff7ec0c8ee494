package org.jxen.testfixtures.xend;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jxen.testfixtures.host.SimDomain;
import org.jxen.testfixtures.host.SimVcpu;
import org.jxen.testfixtures.host.SimulatedHost;
import org.jxen.xend.Sexpr;

/**
 * What xend 4.x answers ({@code SrvRoot}, {@code SrvNode}, {@code SrvDomainDir}, {@code SrvDomain}),
 * computed from the simulated host, for the URLs and ops jxen uses.
 */
final class XendRoutes {

    private final SimulatedHost host;

    XendRoutes(SimulatedHost host) {
        this.host = host;
    }

    XendReply handle(XendRequest r) {
        List<String> s = r.segments();
        if (!r.method().equals("GET") && !r.method().equals("POST")) {
            return XendReply.text(501, "Not Implemented", "Unsupported method: " + r.method());
        }
        if (s.size() == 2 && s.equals(List.of("xend", "node")) && r.method().equals("GET")) {
            return XendReply.sxp(node());
        }
        if (s.equals(List.of("xend", "domain")) || s.equals(List.of("xend", "domain", ""))) {
            boolean detail = r.args().getOrDefault("detail", List.of()).contains("1");
            return XendReply.sxp(new Sexpr.SList(host.domains().stream()
                    .map(d -> detail ? domain(d) : Sexpr.atom(d.name())).toList()));
        }
        if (s.size() == 3 && s.get(0).equals("xend") && s.get(1).equals("domain")) {
            Optional<SimDomain> d = lookup(s.get(2));
            if (d.isEmpty()) {
                return XendReply.text(404, "Not Found", "Not found: " + s.get(2));
            }
            return domainResource(d.get(), r);
        }
        return XendReply.text(404, "Not Found", "Not found: " + r.target());
    }

    /** xend: by name, then by domain id, then by UUID. */
    private Optional<SimDomain> lookup(String dom) {
        Optional<SimDomain> byName = host.domain(dom);
        if (byName.isPresent()) {
            return byName;
        }
        if (dom.matches("\\d{1,9}")) {
            return host.domain(Integer.parseInt(dom));
        }
        return host.domains().stream()
                .filter(d -> d.uuid().toString().equals(dom) || d.uuid().toString().replace("-", "").equals(dom))
                .findFirst();
    }

    private XendReply domainResource(SimDomain d, XendRequest r) {
        List<String> op = r.args().get("op");
        if (r.method().equals("GET") && (op == null || !op.equals(List.of("vcpuinfo")))) {
            return XendReply.sxp(domain(d));
        }
        if (op == null || op.size() != 1) {
            return XendReply.text(406, "Not Acceptable", "Invalid request");
        }
        try {
            return switch (op.getFirst()) {
                case "vcpuinfo" -> XendReply.sxp(vcpuinfo(d));
                case "pincpu" -> pincpu(d, intArg(r, "vcpu"), stringArg(r, "cpumap"));
                case "set_vcpus" -> setVcpus(d, intArg(r, "vcpus"));
                default -> XendReply.text(501, "Not Implemented", "Operation not implemented: " + op.getFirst());
            };
        } catch (ArgError e) {
            return XendReply.xendError(op.getFirst(), e.getMessage());
        }
    }

    /** XendDomain.domain_pincpu in xend 3.4 to 4.4: {@code map(int, cpumap.split(","))}, then xc.vcpu_setaffinity. */
    private XendReply pincpu(SimDomain d, int vcpu, String cpumap) {
        List<Integer> cpus = new ArrayList<>();
        for (String c : cpumap.split(",", -1)) {
            cpus.add(pythonInt(c));
        }
        String shown = cpus.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        if (vcpu < 0 || vcpu >= d.maxVcpus()) {
            return XendReply.xendError("pincpu", "Cannot pin vcpu: " + vcpu + " to cpu: " + shown + " - (22, 'Invalid argument')");
        }
        BitSet map = new BitSet();
        for (int c : cpus) {
            if (c < 0) {
                return XendReply.xendError("pincpu", "Cannot pin vcpu: " + vcpu + " to cpu: " + shown + " - (22, 'Invalid argument')");
            }
            map.set(c);
        }
        try {
            d.vcpu(vcpu).setHardAffinity(map);
        } catch (IllegalArgumentException e) {
            return XendReply.xendError("pincpu", "Cannot pin vcpu: " + vcpu + " to cpu: " + shown + " - (22, 'Invalid argument')");
        }
        return XendReply.sxp(Sexpr.atom("0"));
    }

    /** XendDomainInfo.setVCpuCount in xend 4.x, for a running domain. */
    private XendReply setVcpus(SimDomain d, int vcpus) {
        if (vcpus <= 0) {
            return XendReply.xendError("set_vcpus", "Zero or less VCPUs is invalid");
        }
        if (vcpus > d.maxVcpus()) {
            return XendReply.xendError("set_vcpus", "Cannot set vcpus greater than max vcpus on running domain");
        }
        for (int v = 0; v < d.maxVcpus(); v++) {
            host.xenstore().write("/local/domain/" + d.id() + "/cpu/" + v + "/availability",
                    (v < vcpus ? "online" : "offline").getBytes(StandardCharsets.US_ASCII));
        }
        return XendReply.empty();
    }

    private Sexpr domain(SimDomain d) {
        boolean anyRunning = d.vcpus().stream().anyMatch(SimVcpu::running);
        List<Sexpr> cpus = d.vcpus().stream().<Sexpr>map(v -> {
            BitSet hard = v.hardAffinity();
            // xend keeps () for a vCPU that was never restricted
            return hard.cardinality() == host.hostCpus() ? Sexpr.list() : cpuList(hard);
        }).toList();
        return Sexpr.list(
                Sexpr.atom("domain"),
                field("domid", d.id()),
                Sexpr.named("cpu_weight", Sexpr.atom("256")),
                Sexpr.named("cpu_cap", Sexpr.atom("0")),
                Sexpr.named("uuid", Sexpr.atom(d.uuid().toString())),
                field("vcpus", d.maxVcpus()),
                Sexpr.named("cpus", new Sexpr.SList(cpus)),
                Sexpr.named("name", Sexpr.atom(d.name())),
                Sexpr.named("vcpu_avail", Sexpr.atom(vcpuAvail(d).toString())),
                Sexpr.named("cpu_time", Sexpr.atom(pythonFloat(d.cpuTimeNs() / 1e9))),
                field("online_vcpus", d.onlineVcpus()),
                Sexpr.named("status", Sexpr.atom("2")),
                Sexpr.named("state", Sexpr.atom(anyRunning ? "r-----" : "-b----")));
    }

    /** Bit v set when cpu/v/availability reads "online" (what xend keeps as vcpu_avail). */
    private BigInteger vcpuAvail(SimDomain d) {
        BigInteger mask = BigInteger.ZERO;
        for (int v = 0; v < d.maxVcpus(); v++) {
            Optional<byte[]> value = host.xenstore().read("/local/domain/" + d.id() + "/cpu/" + v + "/availability");
            if (value.isPresent() && new String(value.get(), StandardCharsets.US_ASCII).equals("online")) {
                mask = mask.setBit(v);
            }
        }
        return mask;
    }

    /** XendDomainInfo.getVCPUInfo (3.1+): vcpu_count is VCPUs_max and every vCPU up to it is listed. */
    private Sexpr vcpuinfo(SimDomain d) {
        List<Sexpr> items = new ArrayList<>(List.of(
                Sexpr.atom("domain"), field("domid", d.id()), Sexpr.named("name", Sexpr.atom(d.name())),
                field("vcpu_count", d.maxVcpus())));
        for (SimVcpu v : d.vcpus()) {
            items.add(Sexpr.named("vcpu",
                    field("number", v.number()),
                    field("online", v.online() ? 1 : 0),
                    field("blocked", v.blocked() ? 1 : 0),
                    field("running", v.running() ? 1 : 0),
                    Sexpr.named("cpu_time", Sexpr.atom(pythonFloat(v.cpuTimeNs() / 1e9))),
                    field("cpu", v.pcpu()),
                    Sexpr.named("cpumap", cpuList(v.hardAffinity()))));
        }
        return new Sexpr.SList(items);
    }

    /** ['node'] + nodeinfo + physinfo + xeninfo + xendinfo, as XendNode 4.1 lists them. */
    private Sexpr node() {
        int threads = host.hostCpus() % 2 == 0 ? 2 : 1;
        return Sexpr.list(
                Sexpr.atom("node"),
                Sexpr.named("system", Sexpr.atom("Linux")),
                Sexpr.named("host", Sexpr.atom("fake-xend")),
                Sexpr.named("release", Sexpr.atom("3.2.0-4-amd64")),
                Sexpr.named("machine", Sexpr.atom("x86_64")),
                field("nr_cpus", host.onlineCpus()),
                field("nr_nodes", 1),
                field("cores_per_socket", host.hostCpus() / threads),
                field("threads_per_core", threads),
                field("cpu_mhz", 2400),
                Sexpr.named("hw_caps", Sexpr.atom("bfebfbff:2c100800:00000000:00000f00:77fafbff:00000000:00000021:000027ab")),
                Sexpr.named("virt_caps", Sexpr.atom("hvm hvm_directio")),
                field("total_memory", 16384),
                field("free_memory", 8192),
                field("xen_major", host.xenMajor()),
                field("xen_minor", host.xenMinor()),
                Sexpr.named("xen_extra", Sexpr.atom(host.xenExtra())),
                Sexpr.named("xen_caps", Sexpr.atom("xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64")),
                Sexpr.named("xen_scheduler", Sexpr.atom("credit")),
                field("xend_config_format", 4));
    }

    private static Sexpr field(String name, int value) {
        return Sexpr.named(name, Sexpr.atom(Integer.toString(value)));
    }

    private static Sexpr.SList cpuList(BitSet cpus) {
        return new Sexpr.SList(cpus.stream().mapToObj(c -> (Sexpr) Sexpr.atom(Integer.toString(c))).toList());
    }

    /** Python 2's str(float): 12 significant digits, exponent form below 1e-4 and from 1e12. */
    static String pythonFloat(double value) {
        if (value == 0) {
            return "0.0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 12) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static int intArg(XendRequest r, String name) {
        return pythonInt(stringArg(r, name));
    }

    /** Args.FormFn: a declared parameter must occur exactly once. */
    private static String stringArg(XendRequest r, String name) {
        List<String> values = r.args().get(name);
        if (values == null) {
            throw new ArgError("Missing parameter: " + name);
        }
        if (values.size() > 1) {
            throw new ArgError("Too many values for " + name);
        }
        return values.getFirst();
    }

    /** Python's int(): surrounding whitespace allowed, decimal digits with an optional sign. */
    private static int pythonInt(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?\\d{1,9}")) {
            throw new ArgError("invalid literal for int() with base 10: '" + text + "'");
        }
        return Integer.parseInt(t);
    }

    /** A failed argument conversion, which xend reports as {@code (xend.err ...)}. */
    private static final class ArgError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ArgError(String message) {
            super(message);
        }
    }
}
