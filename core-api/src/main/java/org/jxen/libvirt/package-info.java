/**
 * The libvirt-style facade: the 2006 vCPU calls with libvirt's C signatures
 * ({@link org.jxen.libvirt.Libvirt}), the {@code virVcpuInfo} struct they fill
 * ({@link org.jxen.libvirt.VirVcpuInfo}), {@code virNodeGetInfo} with its struct
 * ({@link org.jxen.libvirt.VirNodeInfo}) and the {@code VIR_*} macros, so that code ported
 * from C keeps its shape: -1 and a per-thread last error instead of exceptions.
 */
package org.jxen.libvirt;
