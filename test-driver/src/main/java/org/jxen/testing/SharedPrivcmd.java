package org.jxen.testing;

import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.testfixtures.privcmd.FakePrivcmd;

/**
 * One connection's view of the host's fake privcmd device. Every connection of a host goes through
 * the same device, so a failure injected on the host fails the next call whichever connection
 * makes it; the driver closes its view, the host closes the device.
 */
final class SharedPrivcmd implements PrivcmdDevice {

    private final FakePrivcmd device;

    SharedPrivcmd(FakePrivcmd device) {
        this.device = device;
    }

    @Override
    public HypercallBuffer lease(long dataBytes) {
        return device.lease(dataBytes);
    }

    @Override
    public long hypercall(HypercallBuffer buffer) {
        return device.hypercall(buffer);
    }

    @Override
    public void close() {
        // The device belongs to the host: SimulatedXen.close() closes it after every connection.
    }
}
