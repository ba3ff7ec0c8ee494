package org.jxen.hypercall;

/** Which of a vCPU's two affinities: where it may run (hard) or prefers to run (soft). */
public enum Affinity {
    /** The pCPUs the vCPU may run on (what pinning sets). */
    HARD,
    /** The pCPUs the scheduler prefers, within the hard affinity. */
    SOFT
}
