package org.jxen.libvirtjava;

import java.util.List;
import org.jxen.CpuMap;
import org.jxen.CpuMaps;

/**
 * libvirt-java's {@code Domain}, for the vCPU API: a running domain found by a {@link Connect}
 * lookup. As jxen's {@link org.jxen.Domain} it is a handle: every call asks the host afresh, and a
 * domain destroyed since the lookup fails with NO_DOMAIN.
 *
 * <p>cpumaps are libvirt-java's {@code int[]}: one byte of libvirt's cpumap per element, element 0
 * holding CPUs 0-7, the lowest CPU in the lowest bit. They are sized from the host's map
 * ({@link NodeInfo#hostCpus()}), not libvirt-java's {@link NodeInfo#maxCpus()}, which on Xen may
 * leave out CPUs the host has.
 */
public final class Domain {

    private final Connect connect;
    private final org.jxen.Domain domain;

    Domain(Connect connect, org.jxen.Domain domain) {
        this.connect = connect;
        this.domain = domain;
    }

    /**
     * Returns the jxen domain underneath (not in libvirt-java), to move code to the
     * {@link org.jxen} API one call at a time; soft affinity is there ({@link org.jxen.Domain#pinVcpuSoft}).
     *
     * @return the domain
     */
    public org.jxen.Domain getJxenDomain() {
        return domain;
    }

    /**
     * libvirt-java's {@code getConnect()}.
     *
     * @return the connection this domain was found on
     */
    public Connect getConnect() {
        return connect;
    }

    /**
     * libvirt-java's {@code getName()}.
     *
     * @return the name found at lookup
     * @throws LibvirtException never; declared as libvirt-java declares it
     */
    public String getName() throws LibvirtException {
        return domain.identity().name();
    }

    /**
     * libvirt-java's {@code getID()}.
     *
     * @return the domain id
     * @throws LibvirtException never; declared as libvirt-java declares it
     */
    public int getID() throws LibvirtException {
        return domain.identity().id();
    }

    /**
     * libvirt-java's {@code getUUID()}: the UUID's 16 bytes, one per int (0-255).
     *
     * @return 16 elements in the order of the UUID's text
     * @throws LibvirtException never; declared as libvirt-java declares it
     */
    public int[] getUUID() throws LibvirtException {
        return ByteInts.fromUuid(domain.identity().uuid());
    }

    /**
     * libvirt-java's {@code getUUIDString()}.
     *
     * @return the UUID in its canonical text, lower case with dashes
     * @throws LibvirtException never; declared as libvirt-java declares it
     */
    public String getUUIDString() throws LibvirtException {
        return domain.identity().uuid().toString();
    }

    /**
     * libvirt-java's {@code getMaxVcpus()}: the most vCPUs the running domain can have.
     *
     * @return the maximum
     * @throws LibvirtException NO_DOMAIN when the domain is gone
     */
    public int getMaxVcpus() throws LibvirtException {
        return Calls.get(() -> domain.vcpuCount().maximum());
    }

    /**
     * libvirt-java's {@code setVcpus(int)}: makes vCPUs 0 to {@code nvcpus - 1} online. The guest
     * brings them up or down itself, so the change shows in {@link #getVcpusInfo()} once it has.
     *
     * @param nvcpus 1 to {@link #getMaxVcpus()}
     * @throws LibvirtException INVALID_ARG outside that range (naming the value and the range),
     *     NO_DOMAIN when the domain is gone, or the host's refusal
     */
    public void setVcpus(int nvcpus) throws LibvirtException {
        Calls.run(() -> domain.setVcpus(nvcpus));
    }

    /**
     * libvirt-java's {@code pinVcpu(int, int[])}: sets the physical CPUs vCPU {@code vcpu} may run
     * on (its hard affinity). A map shorter than the host's leaves the missing CPUs out.
     *
     * @param vcpu 0 to {@link #getMaxVcpus()} - 1
     * @param cpumap one byte per element, each 0-255 (not CPU numbers: {@code {0x0F}} is CPUs
     *     0-3), at most {@code cpuMapLength(hostCpus)} elements, at least one CPU set
     * @throws LibvirtException INVALID_ARG for a null map, an element outside 0-255 (naming its
     *     index and value), a map longer than the host's, no CPU set, a CPU the host does not have
     *     or a vCPU out of range; NO_DOMAIN when the domain is gone
     */
    public void pinVcpu(int vcpu, int[] cpumap) throws LibvirtException {
        Calls.run(() -> {
            byte[] bytes = ByteInts.toBytes(cpumap, "cpumap", "element 0 holds CPUs 0-7, lowest CPU lowest bit");
            int hostCpus = connect.hostCpus();
            domain.pinVcpu(vcpu, CpuMap.fromHostBytes(bytes, bytes.length, hostCpus));
        });
    }

    /**
     * libvirt-java's {@code getVcpusInfo()}: every vCPU of the domain, online or not.
     *
     * @return one entry per vCPU, 0 to {@link #getMaxVcpus()} - 1, in vCPU order
     * @throws LibvirtException NO_DOMAIN when the domain is gone, or the host's refusal
     */
    public VcpuInfo[] getVcpusInfo() throws LibvirtException {
        return Calls.get(() -> domain.vcpus().stream().map(VcpuInfo::new).toArray(VcpuInfo[]::new));
    }

    /**
     * libvirt-java's {@code getVcpusCpuMaps()}: the hard affinity of every vCPU, vCPU {@code i}'s
     * map at elements {@code i * maplen} to {@code (i + 1) * maplen - 1}, where {@code maplen} is
     * {@code cpuMapLength(hostCpus)}: the host's map, so no CPU of the host is cut off.
     * Elements are 0-255; libvirt-java sign-extends, giving -1 where this gives 255.
     *
     * @return {@code vCPUs * maplen} elements, one byte each
     * @throws LibvirtException NO_DOMAIN when the domain is gone, or the host's refusal
     */
    public int[] getVcpusCpuMaps() throws LibvirtException {
        return Calls.get(() -> {
            int maplen = cpuMapLength(connect.hostCpus());
            List<org.jxen.VcpuInfo> vcpus = domain.vcpus();
            byte[] cpumaps = new byte[CpuMaps.offset(maplen, vcpus.size())];
            for (int i = 0; i < vcpus.size(); i++) {
                vcpus.get(i).hardAffinity().copyInto(cpumaps, CpuMaps.offset(maplen, i), maplen);
            }
            return ByteInts.toInts(cpumaps);
        });
    }

    /**
     * libvirt-java's {@code cpuMapLength(int)}: the elements (bytes) a map of {@code maxCpus} CPUs
     * needs, {@code (maxCpus + 7) / 8}. Pass {@link NodeInfo#hostCpus()} for the host's map.
     *
     * @param maxCpus the number of CPUs, at least 0
     * @return the map length
     * @throws org.jxen.JxenException INVALID_ARG for a negative count (unchecked, as libvirt-java
     *     declares no exception here)
     */
    public int cpuMapLength(int maxCpus) {
        return CpuMap.maplen(maxCpus);
    }
}
