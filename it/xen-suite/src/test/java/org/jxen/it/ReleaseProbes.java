package org.jxen.it;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jxen.hypercall.Affinity;
import org.jxen.hypercall.HypercallBuffer;
import org.jxen.hypercall.HypercallException;
import org.jxen.hypercall.Operation;
import org.jxen.hypercall.PrivcmdDevice;
import org.jxen.hypercall.XenHypercalls;
import org.jxen.hypercall.abi.DomctlAbi;
import org.jxen.hypercall.abi.Field;
import org.jxen.hypercall.abi.Layouts;

/**
 * The raw calls whose answers a Xen release decides (errnos for bad vCPUs, domains and maps, the
 * effective map Xen writes back, whether a map it could not write is reported), made one layer
 * below the driver, which would hide the differences. The suite makes them on the real Xen and on
 * test-fixtures' fake device emulating the same release, and the answers must be the same: that is
 * how the fake is checked against each release the lab boots.
 *
 * <p>The calls need a host like the lab's: four pCPUs online of sixteen (two-byte maps), a live
 * guest with four vCPUs of which vCPU 0 is online, and a destroyed domain whose id is below the
 * live one's. The writes among them fail, or are undone by the last calls.
 */
final class ReleaseProbes {

    /** An address no process maps (the first page above NULL), for a handle Xen cannot write. */
    private static final long UNMAPPED = 0x1000;
    private static final Field OP = Field.of(Layouts.PRIVCMD_HYPERCALL, "op");

    private ReleaseProbes() {
    }

    /**
     * Makes every call on a device, in a fixed order.
     *
     * @param device the real privcmd device or the fake
     * @param abi the domctl layout of the release, to spoil one handle in the last-but-two call
     * @param live the live guest's id
     * @param gone a destroyed domain's id, below {@code live}
     * @return each call's name and answer: "ok" (with the map written back, in hex) or the errno's
     *     name, in order
     */
    static Map<String, String> answers(PrivcmdDevice device, DomctlAbi abi, int live, int gone) {
        XenHypercalls x = XenHypercalls.connect(device);
        byte[] all = {(byte) 0xff, (byte) 0xff};
        byte[] none = {0, 0};
        byte[] offlineOnly = {(byte) 0xf0, (byte) 0xff};
        Map<String, String> a = new LinkedHashMap<>();
        a.put("getdomaininfo of a destroyed domain below a live one", answer(() -> {
            x.domainInfo(gone);
            return null;
        }));
        a.put("getvcpuinfo of vCPU 4 (the guest has 4)", answer(() -> {
            x.vcpuInfo(live, 4);
            return null;
        }));
        a.put("getvcpuinfo of vCPU 1000", answer(() -> {
            x.vcpuInfo(live, 1000);
            return null;
        }));
        a.put("getvcpuaffinity hard+soft of vCPU 4", answer(() -> {
            x.vcpuAffinities(live, 4);
            return null;
        }));
        a.put("setvcpuaffinity hard, empty map", answer(() -> x.setVcpuAffinity(live, 0, Affinity.HARD, none)));
        a.put("setvcpuaffinity hard, offline CPUs 4-15 only", answer(() -> x.setVcpuAffinity(live, 0, Affinity.HARD, offlineOnly)));
        a.put("setvcpuaffinity hard, one-byte map of CPUs 0-7", answer(() -> x.setVcpuAffinity(live, 0, Affinity.HARD, new byte[] {(byte) 0xff})));
        a.put("setvcpuaffinity soft, empty map", answer(() -> x.setVcpuAffinity(live, 0, Affinity.SOFT, none)));
        a.put("setvcpuaffinity soft, offline CPUs 4-15 only", answer(() -> x.setVcpuAffinity(live, 0, Affinity.SOFT, offlineOnly)));
        a.put("getvcpuaffinity hard+soft, hard map's handle unmapped", answer(() -> {
            XenHypercalls spoiled = XenHypercalls.connect(new UnmappedHardMap(device, abi));
            spoiled.vcpuAffinities(live, 0);
            return null;
        }));
        a.put("setvcpuaffinity hard, all CPUs", answer(() -> x.setVcpuAffinity(live, 0, Affinity.HARD, all)));
        a.put("setvcpuaffinity soft, all CPUs", answer(() -> x.setVcpuAffinity(live, 0, Affinity.SOFT, all)));
        a.put("getvcpuaffinity hard+soft of vCPU 0 after that", answer(() -> {
            var maps = x.vcpuAffinities(live, 0);
            return concat(maps.hard(), maps.soft());
        }));
        return a;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A call's answer: "ok", "ok MAP" for a call that returns a map, or its errno's name. */
    private static String answer(Supplier<byte[]> call) {
        try {
            byte[] map = call.get();
            return map == null ? "ok" : "ok " + HexFormat.of().formatHex(map);
        } catch (HypercallException e) {
            // Up to Xen 4.17 getdomaininfo answers for the next domain; XenHypercalls reports that as
            // ESRCH too, with the id Xen answered for in its message.
            boolean other = e.getMessage().contains("Xen answered for domain");
            return e.errnoName() + (other ? " (Xen answered for the next domain)" : "");
        }
    }

    /**
     * Passes every call through, except that in a getvcpuaffinity domctl the hard map's handle is
     * replaced by an address Xen cannot write, as a caller's bad pointer would be.
     */
    private record UnmappedHardMap(PrivcmdDevice device, DomctlAbi abi) implements PrivcmdDevice {

        @Override
        public HypercallBuffer lease(long dataBytes) {
            return device.lease(dataBytes);
        }

        @Override
        public long hypercall(HypercallBuffer buffer) {
            Operation op = Operation.DOMCTL_GETVCPUAFFINITY;
            if (OP.get(buffer.call()) == op.hypercall() && abi.cmd.get(buffer.data()) == op.subop()
                    && abi.hardBitmap.get(buffer.data()) != 0) {
                abi.hardBitmap.set(buffer.data(), UNMAPPED);
            }
            return device.hypercall(buffer);
        }

        @Override
        public void close() {
            // The wrapped device belongs to the caller.
        }
    }
}
