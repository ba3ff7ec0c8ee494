/**
 * The jxen testing kit: a simulated Xen host for the integration tests of code that embeds jxen,
 * as MockWebServer is for HTTP clients. Add {@code org.jxen:jxen-test-driver} with test scope, build
 * a {@link org.jxen.testing.SimulatedXen}, hand {@link org.jxen.testing.SimulatedXen#connect()} to
 * the code under test, and act on the host while it runs:
 *
 * <pre>{@code
 * try (SimulatedXen xen = SimulatedXen.builder().cpus(8).domain("web", 4, 2).build();
 *      Hypervisor hypervisor = xen.connect()) {
 *     xen.failNext(Hypercall.SET_VCPU_AFFINITY, "EPERM");
 *     JxenException e = assertThrows(JxenException.class,
 *             () -> hypervisor.domain("web").pinVcpu(0, CpuMap.ofCpus(2)));
 *     assertEquals(ErrorCode.OPERATION_DENIED, e.code());
 *     assertEquals(Optional.of("EPERM"), e.detail());
 *     assertEquals(CpuMap.all(8), xen.guest("web").hardAffinity(0)); // unchanged
 * }
 * }</pre>
 *
 * <table>
 * <caption>What a test can do</caption>
 * <tr><th>to</th><th>call</th></tr>
 * <tr><td>shape the host</td><td>{@link org.jxen.testing.SimulatedXen#builder()}: Xen release, pCPUs,
 *     domains, without privcmd, xenstored or xend; {@link org.jxen.testing.SimulatedXen#defaultHost()}
 *     is {@code test:///default}</td></tr>
 * <tr><td>create and destroy domains while code runs</td><td>{@code addDomain}, {@code destroyDomain}</td></tr>
 * <tr><td>read what Xen holds, past jxen</td><td>{@link org.jxen.testing.Guest}: online vCPUs, states,
 *     affinities</td></tr>
 * <tr><td>model the guest kernel</td><td>{@code Guest.ignoreHotplug()}, {@code delayHotplug(Duration)},
 *     {@code obeyHotplug()}</td></tr>
 * <tr><td>make a hypercall fail with an errno</td><td>{@code failNext}, {@code fail}, with
 *     {@link org.jxen.testing.Hypercall}</td></tr>
 * <tr><td>break a daemon</td><td>{@code xenstored()}, {@code xend()}: {@link org.jxen.testing.Daemon}'s
 *     stall, drop, refuse, behave</td></tr>
 * </table>
 *
 * <p>Everything here is thread-safe: the test thread may act on the host while the code under test
 * calls jxen from others. Bad arguments are {@link java.lang.IllegalArgumentException}s naming the
 * value and what is allowed. The same engine serves {@code Hypervisor.open(URI.create("test:///default"))}.
 */
package org.jxen.testing;
