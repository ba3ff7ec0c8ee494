package org.jxen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command's text on test:///default, as virsh prints it (see cli/README.md for the choices). */
class TextOutputTest {

    private static final String DEMO_VCPUINFO = """
            VCPU:           0
            CPU:            0
            State:          running
            CPU time:       T
            CPU Affinity:   yyyyyyyyyyyyyyyy

            VCPU:           1
            CPU:            1
            State:          blocked
            CPU time:       T
            CPU Affinity:   yyyyyyyyyyyyyyyy

            VCPU:           2
            CPU:            N/A
            State:          offline
            CPU Affinity:   yyyyyyyyyyyyyyyy

            VCPU:           3
            CPU:            N/A
            State:          offline
            CPU Affinity:   yyyyyyyyyyyyyyyy
            """;

    @Test
    void vcpuinfoPrintsVirshBlocksWithoutCpuTimeForVcpusThatNeverRan() {
        Cli.Result r = Cli.run("vcpuinfo", "demo");
        assertEquals(0, r.status());
        assertEquals(DEMO_VCPUINFO, Cli.withoutCpuTimes(r.out()));
        assertEquals(Cli.NO_XEN_NOTE, r.err());
    }

    @Test
    void vcpuinfoMarksEachVcpusOwnAffinityWhenTheyDifferAndRepeat() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 1 2-5; vcpupin demo 3 0,15; vcpuinfo demo");
        assertEquals(List.of("yyyyyyyyyyyyyyyy", "--yyyy----------", "yyyyyyyyyyyyyyyy", "y--------------y"),
                r.out().lines().filter(l -> l.startsWith("CPU Affinity:")).map(l -> l.substring(16)).toList());
        assertEquals("", r.err());
    }

    @Test
    void vcpuinfoPrettyShowsTheAffinityAsACpuset() {
        Cli.Result r = Cli.run("-c", "test:///default", "setvcpus demo 3; vcpupin demo 2 4-7,12; vcpuinfo demo --pretty");
        assertEquals("""
                VCPU:           2
                CPU:            6
                State:          running
                CPU time:       T
                CPU Affinity:   4-7,12 (out of 16)
                """, Cli.withoutCpuTimes(r.out()).split("\n\n")[2] + "\n");
        assertEquals("", r.err());
    }

    @Test
    void vcpupinWithoutVcpuPrintsTheAffinityTable() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 1 0,2-3; vcpupin demo");
        assertEquals("""
                 VCPU   CPU Affinity
                ----------------------
                 0      0-15
                 1      0,2-3
                 2      0-15
                 3      0-15
                """, r.out());
    }

    @Test
    void vcpupinWithVcpuAlonePrintsItsRowAndSoftPrintsTheSoftAffinity() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 3 8-15 --soft; vcpupin demo 3; vcpupin demo 3 --soft");
        assertEquals("""
                 VCPU   CPU Affinity
                ----------------------
                 3      0-15
                 VCPU   CPU Affinity
                ----------------------
                 3      8-15
                """, r.out());
    }

    @Test
    void settingPrintsNothing() {
        Cli.Result r = Cli.run("-c", "test:///default", "vcpupin demo 0 1; setvcpus demo 4");
        assertEquals(new Cli.Result(0, "", ""), r);
    }

    @Test
    void vcpucountPrintsTheLiveRows() {
        assertEquals("""
                maximum      live           4
                current      live           2
                """, Cli.run("vcpucount", "demo").out());
    }

    @Test
    void nodeinfoPrintsVirshLinesThenXens() {
        assertEquals("""
                CPU(s):              16
                CPU frequency:       2400 MHz
                CPU socket(s):       1
                Core(s) per socket:  16
                Thread(s) per core:  1
                NUMA cell(s):        1
                Memory size:         16777216 KiB
                Max CPU id:          15
                Xen version:         4.17.0
                Domctl interface:    0x15
                Sysctl interface:    0x15
                """, Cli.run("nodeinfo").out());
    }

    @Test
    void listPrintsVirshTable() {
        assertEquals("""
                 Id   Name       State
                --------------------------
                 0    Domain-0   running
                 1    demo       running
                """, Cli.run("list").out());
    }

    @Test
    void tableColumnsWidenToTheirWidestCell() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("Id", "Name").row(32751, "a-rather-long-name").row(7, "x").print(new PrintStream(bytes, true));
        assertEquals("""
                 Id      Name
                -----------------------------
                 32751   a-rather-long-name
                 7       x
                """, bytes.toString());
    }
}
