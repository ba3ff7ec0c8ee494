package org.jxen.xend;

import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jxen.xend.internal.DomainPath;
import org.jxen.xend.internal.HttpResponse;
import org.jxen.xend.internal.XendHttp;

/**
 * A client of xend's HTTP/S-expression interface for the vCPU operations: list and look up
 * domains, read vCPU information, pin a vCPU, set the number of online vCPUs, read node information.
 *
 * <p>Each call opens its own connection, as xend expects, and is bounded by the
 * {@link Options timeouts}. Domains are named as xend looks them up: by name, by id in decimal, or
 * by UUID; a name is always sent as one percent-encoded path segment. Arguments that are wrong
 * whatever xend says are refused with {@link IllegalArgumentException} before anything is sent;
 * everything else fails with {@link XendException}.
 *
 * <p>Thread-safe.
 */
public final class XendClient {

    /**
     * Connection settings.
     *
     * @param connectTimeout how long a connect may take
     * @param readTimeout how long sending a request and reading its whole reply may take
     * @param maxBodyBytes the largest reply body accepted; larger ones fail with
     *     {@link XendException.Kind#PROTOCOL_ERROR} without being read
     */
    public record Options(Duration connectTimeout, Duration readTimeout, int maxBodyBytes) {

        /** 5 s to connect, 30 s per reply (xend ops talk to the hypervisor and xenstore), 1 MiB bodies. */
        public static final Options DEFAULT = new Options(Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20);

        /**
         * Checks the settings.
         *
         * @param connectTimeout positive
         * @param readTimeout positive
         * @param maxBodyBytes positive
         */
        public Options {
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + connectTimeout + ", " + readTimeout);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
            }
        }
    }

    private final XendHttp http;
    /** Reply bodies are bounded by maxBodyBytes already, so one token may take all of it. */
    private final SexprReader.Limits limits;

    private XendClient(XendEndpoint endpoint, Options options) {
        this.http = new XendHttp(endpoint, options.connectTimeout(), options.readTimeout(), options.maxBodyBytes());
        this.limits = new SexprReader.Limits(SexprReader.Limits.DEFAULT.maxDepth(), options.maxBodyBytes());
    }

    /**
     * Creates a client with {@link Options#DEFAULT}. Nothing is sent until a method is called.
     *
     * @param endpoint where xend listens
     * @return the client
     */
    public static XendClient create(XendEndpoint endpoint) {
        return create(endpoint, Options.DEFAULT);
    }

    /**
     * Creates a client. Nothing is sent until a method is called.
     *
     * @param endpoint where xend listens
     * @param options timeouts and limits
     * @return the client
     */
    public static XendClient create(XendEndpoint endpoint, Options options) {
        return new XendClient(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Lists the running domains' names: {@code GET /xend/domain}.
     *
     * @return the names, in xend's order
     * @throws XendException on failure
     */
    public List<String> domainNames() {
        Sexpr.SList names = single(http.get("/xend/domain"), false);
        return names.items().stream().map(n -> {
            if (n instanceof Sexpr.Atom a) {
                return a.text();
            }
            throw protocol(200, "the domain list holds a list where a name belongs: " + n, null);
        }).toList();
    }

    /**
     * Reads every running domain: {@code GET /xend/domain?detail=1}.
     *
     * @return the domains, in xend's order
     * @throws XendException on failure
     */
    public List<XendDomain> domains() {
        Sexpr.SList all = single(http.get("/xend/domain?detail=1"), false);
        return convert(() -> all.items().stream().map(d -> {
            if (d instanceof Sexpr.SList l) {
                return XendDomain.from(l);
            }
            throw new SexprException("the detailed domain list holds an atom where a domain belongs: " + d);
        }).toList());
    }

    /**
     * Looks up one domain: {@code GET /xend/domain/<dom>}.
     *
     * @param domain a name, a domain id in decimal, or a UUID
     * @return its fields
     * @throws IllegalArgumentException if {@code domain} is empty
     * @throws XendException {@link XendException.Kind#NO_SUCH_DOMAIN} if xend does not know it, or another failure
     */
    public XendDomain domain(String domain) {
        Sexpr.SList d = single(http.get(DomainPath.of(domain)), true);
        return convert(() -> XendDomain.from(d));
    }

    /**
     * Reads the vCPUs of a domain: {@code GET /xend/domain/<dom>?op=vcpuinfo}.
     *
     * @param domain a name, a domain id in decimal, or a UUID
     * @return the vCPUs
     * @throws IllegalArgumentException if {@code domain} is empty
     * @throws XendException {@link XendException.Kind#NO_SUCH_DOMAIN} if xend does not know it, or another failure
     */
    public XendVcpus vcpuInfo(String domain) {
        Sexpr.SList v = single(http.get(DomainPath.of(domain) + "?op=vcpuinfo"), true);
        return convert(() -> XendVcpus.from(v));
    }

    /**
     * Pins a vCPU to a set of pCPUs: {@code POST op=pincpu&vcpu=<v>&cpumap=<c,c,...>}, the form
     * xend 3.4 to 4.4 parse. The set is checked against the host's CPU count first, read from
     * {@link #node()} at every pin (a client caches nothing of the host): xend 4.x does no range
     * check of its own and Xen silently drops CPUs beyond the host.
     *
     * @param domain a name, a domain id in decimal, or a UUID
     * @param vcpu the vCPU number, at least 0
     * @param cpus the pCPUs, at least one, all below the host's CPU count
     * @throws IllegalArgumentException if {@code domain} is empty, {@code vcpu} is negative,
     *     {@code cpus} is empty or names a CPU beyond the host; nothing is pinned then
     * @throws XendException on failure, e.g. {@link XendException.Kind#XEND_ERROR} when Xen refuses the map
     */
    public void pinVcpu(String domain, int vcpu, BitSet cpus) {
        String path = DomainPath.of(domain);
        BitSet map = (BitSet) cpus.clone();
        if (vcpu < 0) {
            throw new IllegalArgumentException("vCPU " + vcpu + " is negative");
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("the CPU set for vCPU " + vcpu + " is empty");
        }
        int host = node().nrCpus();
        if (map.length() > host) {
            throw new IllegalArgumentException("CPU " + (map.length() - 1) + " is beyond the host's CPUs 0-" + (host - 1));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("op", "pincpu");
        form.put("vcpu", Integer.toString(vcpu));
        form.put("cpumap", map.stream().mapToObj(Integer::toString).collect(Collectors.joining(",")));
        check(http.post(path, form), true);
    }

    /**
     * Sets how many vCPUs are online: {@code POST op=set_vcpus&vcpus=<n>}. xend refuses more than
     * the domain's maximum on a running domain.
     *
     * @param domain a name, a domain id in decimal, or a UUID
     * @param vcpus the count, at least 1
     * @throws IllegalArgumentException if {@code domain} is empty or {@code vcpus} is below 1
     * @throws XendException on failure, e.g. {@link XendException.Kind#XEND_ERROR} above the maximum
     */
    public void setVcpus(String domain, int vcpus) {
        String path = DomainPath.of(domain);
        if (vcpus < 1) {
            throw new IllegalArgumentException("vCPU count " + vcpus + " is below 1");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("op", "set_vcpus");
        form.put("vcpus", Integer.toString(vcpus));
        check(http.post(path, form), true);
    }

    /**
     * Reads the host: {@code GET /xend/node}.
     *
     * @return the host's fields
     * @throws XendException on failure
     */
    public XendNode node() {
        Sexpr.SList n = single(http.get("/xend/node"), false);
        return convert(() -> XendNode.from(n));
    }

    /** Expects one list as the reply's body. */
    private Sexpr.SList single(HttpResponse r, boolean domainUrl) {
        List<Sexpr> values = check(r, domainUrl);
        if (values.size() != 1 || !(values.getFirst() instanceof Sexpr.SList l)) {
            throw protocol(r.status(), "expected one S-expression list in the reply, found " + values.size() + " value(s)", null);
        }
        return l;
    }

    /** Maps the status and an {@code (xend.err ...)} body to errors; returns the body's values. */
    private List<Sexpr> check(HttpResponse r, boolean domainUrl) {
        List<Sexpr> values = null;
        SexprException malformed = null;
        try {
            values = SexprReader.readAll(r.body(), limits);
        } catch (SexprException e) {
            malformed = e;
        }
        if (values != null && !values.isEmpty() && values.getFirst() instanceof Sexpr.SList err
                && err.name().filter("xend.err"::equals).isPresent()) {
            String message = err.items().stream().skip(1).map(s -> s instanceof Sexpr.Atom a ? a.text() : s.toString())
                    .collect(Collectors.joining(" "));
            throw new XendException(XendException.Kind.XEND_ERROR, r.status(), message,
                    "xend error (HTTP " + r.status() + "): " + message, null);
        }
        if (r.status() == 404 && domainUrl) {
            throw new XendException(XendException.Kind.NO_SUCH_DOMAIN, 404, r.bodyText(), "no such domain", null);
        }
        if (r.status() < 200 || r.status() > 299) {
            throw new XendException(XendException.Kind.HTTP_ERROR, r.status(), r.bodyText(),
                    "xend answered HTTP " + r.status() + ": " + r.bodyText(), null);
        }
        if (malformed != null) {
            throw protocol(r.status(), "the reply is not an S-expression: " + malformed.getMessage(), malformed);
        }
        return values;
    }

    /** Reads the fields of a 2xx reply; a missing or malformed field is xend's fault, not the caller's. */
    private static <T> T convert(Supplier<T> read) {
        try {
            return read.get();
        } catch (SexprException e) {
            throw protocol(200, "unexpected reply: " + e.getMessage(), e);
        }
    }

    private static XendException protocol(int status, String message, Throwable cause) {
        return new XendException(XendException.Kind.PROTOCOL_ERROR, status, "", message, cause);
    }
}
