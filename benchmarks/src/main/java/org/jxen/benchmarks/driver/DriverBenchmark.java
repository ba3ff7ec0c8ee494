package org.jxen.benchmarks.driver;

import org.openjdk.jmh.annotations.Setup;

/**
 * The three operations through the whole driver (argument checks, fallback policy, UUID check,
 * hypercall encoding) over the fake privcmd device, on a small host (16 pCPUs, a 4-vCPU domain)
 * and large ones (4096 pCPUs, 64 and 512 vCPUs). getVcpus costs a getdomaininfo before and after
 * and two domctls per vCPU (getvcpuinfo, and one getvcpuaffinity for both maps); a pin costs
 * getdomaininfo for the checks, then the pin.
 */
public class DriverBenchmark extends DriverCalls {

    /** Builds the host and opens the driver on its privcmd device. */
    @Setup
    public void open() {
        open(fake -> fake);
    }
}
