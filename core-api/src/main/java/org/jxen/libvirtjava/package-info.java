/**
 * An adapter with the shape of libvirt-java's vCPU API ({@code org.libvirt}), so that a Java
 * virtualization manager ports by changing its imports: {@link org.jxen.libvirtjava.Connect},
 * {@link org.jxen.libvirtjava.Domain}, {@link org.jxen.libvirtjava.VcpuInfo},
 * {@link org.jxen.libvirtjava.NodeInfo} and the checked {@link org.jxen.libvirtjava.LibvirtException}.
 *
 * <p>Methods keep libvirt-java's names, parameters and {@code throws} clauses (a {@code catch} of
 * a checked exception that cannot be thrown would not compile), and cpumaps keep its form: an
 * {@code int[]} holding one byte of libvirt's cpumap per element. Every failure, bad arguments and
 * nulls included, is a {@link org.jxen.libvirtjava.LibvirtException} wrapping the
 * {@link org.jxen.JxenException} underneath. {@link org.jxen.libvirtjava.Connect#getHypervisor()}
 * and {@link org.jxen.libvirtjava.Domain#getJxenDomain()} hand out the jxen objects, so code can
 * move to the {@link org.jxen} API one call at a time. The types are immutable and as thread-safe
 * as the {@link org.jxen.Hypervisor} underneath.
 */
package org.jxen.libvirtjava;
