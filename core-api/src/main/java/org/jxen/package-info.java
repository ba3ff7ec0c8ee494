/**
 * The jxen vCPU API. Start at {@link org.jxen.Hypervisor}; cpumaps are {@link org.jxen.CpuMap}
 * values (or raw bytes handled with {@link org.jxen.CpuMaps}); every failure is a
 * {@link org.jxen.JxenException} with an {@link org.jxen.ErrorCode}.
 */
package org.jxen;
