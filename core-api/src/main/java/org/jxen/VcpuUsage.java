package org.jxen;

import java.util.OptionalDouble;
import org.jxen.internal.Arguments;

/**
 * One vCPU's CPU use over the interval between two snapshots ({@link VcpuSnapshot#usageSince}).
 *
 * @param number the vCPU number
 * @param state its state at the later snapshot
 * @param percent CPU-time delta over wall-time delta, in percent of one physical CPU (as xentop
 *     shows it); empty when the vCPU is offline at the later snapshot (how much it ran before it
 *     went down is not known) or the domain is new
 */
public record VcpuUsage(int number, VcpuState state, OptionalDouble percent) {

    /** Checks the number and that a figure is not negative. */
    public VcpuUsage {
        Arguments.notNull(state, "state");
        Arguments.notNull(percent, "percent");
        if (number < 0) {
            throw JxenException.invalidArg("vCPU number " + number + " is negative");
        }
        if (percent.isPresent() && !(percent.getAsDouble() >= 0)) {
            throw JxenException.invalidArg("vCPU " + number + " usage " + percent.getAsDouble() + "% is not 0 or more");
        }
    }
}
