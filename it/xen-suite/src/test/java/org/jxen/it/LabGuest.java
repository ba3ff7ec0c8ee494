package org.jxen.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PV guest created with {@code xl create}: the lab's kernel and busybox initrd, no
 * disk, no network, 2 vCPUs online of at most 4. Its name starts with {@value #PREFIX} and carries
 * a random suffix, and the suite only ever acts on domains it created, so it can run on a dom0 that
 * has other domains.
 */
final class LabGuest implements AutoCloseable {

    /** The prefix of every guest this suite creates. */
    static final String PREFIX = "jxen-it-";

    /** xl create takes 14-20 s under TCG, up to a minute on a loaded host. */
    private static final long CREATE_TIMEOUT_SECONDS = 180;

    private final String name;
    private final Process create;
    private final Path config;
    private int id = -1;

    private LabGuest(String name, Process create, Path config) {
        this.name = name;
        this.create = create;
        this.config = config;
    }

    /**
     * Starts {@code xl create} without waiting, so that two guests build concurrently (each takes
     * 14-20 s under TCG); {@link #awaitCreated()} waits.
     *
     * The guest is created paused; {@link #unpause()} lets it boot.
     *
     * @param dir the staged lab directory holding guest/vmlinuz and guest/initrd.gz
     * @return the guest being created
     */
    static LabGuest start(Path dir) {
        return start(dir, false);
    }

    /**
     * As {@link #start(Path)}, with a guest that keeps one of its vCPUs busy from boot to the end
     * (a shell loop that never sleeps; {@code jxen_busy} on its kernel command line).
     *
     * @param dir the staged lab directory holding guest/vmlinuz and guest/initrd.gz
     * @return the guest being created
     */
    static LabGuest startBusy(Path dir) {
        return start(dir, true);
    }

    private static LabGuest start(Path dir, boolean busy) {
        String name = PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            Path config = Files.createTempFile(name, ".cfg");
            Files.writeString(config, String.join("\n",
                    "name = \"" + name + "\"",
                    "type = \"pv\"",
                    "kernel = \"" + dir.resolve("guest/vmlinuz") + "\"",
                    "ramdisk = \"" + dir.resolve("guest/initrd.gz") + "\"",
                    "extra = \"console=hvc0 quiet" + (busy ? " jxen_busy" : "") + "\"",
                    "memory = 128",
                    "vcpus = 2",
                    "maxvcpus = 4",
                    "on_crash = \"destroy\"",
                    ""));
            Process p = new ProcessBuilder("xl", "create", "-p", config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new LabGuest(name, p, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for {@code xl create} and looks the new domain's id up in {@code xl list}.
     *
     * @return this guest
     */
    LabGuest awaitCreated() {
        try {
            if (!create.waitFor(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("xl create " + name + " did not finish in " + CREATE_TIMEOUT_SECONDS + " s");
            }
            int rc = create.exitValue();
            if (rc != 0) {
                throw new IllegalStateException("xl create " + name + " failed with " + rc);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        id = Xl.list().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not in xl list")).id();
        return this;
    }

    /** The guest's name. */
    String name() {
        return name;
    }

    /** The guest's domain id. */
    int id() {
        return id;
    }

    /**
     * Waits until the guest has booted: a PV Linux guest brings every possible vCPU up in
     * smp_init, before its xenbus drivers start; the hotplug watcher then takes 2 and 3 down
     * (seconds under TCG). So "booted" is the control/ feature written by xenbus, and after it
     * exactly vCPUs 0-1 online, held for {@code steady}: a lab run once saw that state in passing
     * and all four online a moment later. Each change of the online vCPUs is logged.
     *
     * @param timeout how long the boot may take
     * @param steady how long the booted state must hold
     */
    void awaitBooted(Duration timeout, Duration steady) {
        List<List<Boolean>> seen = new ArrayList<>();
        Lab.awaitSteady(timeout, steady, name + " booted with vCPUs 0-1 online and 2-3 offline", () -> {
            List<Boolean> online = Xl.vcpuList(name).stream().map(Xl.Vcpu::online).toList();
            if (seen.isEmpty() || !seen.getLast().equals(online)) {
                seen.add(online);
                Lab.log("%s: vCPUs online %s", name, online);
            }
            return online.equals(List.of(true, true, false, false))
                    && Xl.exec(List.of("xenstore-read", "/local/domain/" + id + "/control/feature-poweroff")).exitCode() == 0;
        });
    }

    /** Lets the guest run: its kernel boots. */
    void unpause() {
        Xl.run("xl", "unpause", name);
    }

    /** Destroys the guest now (used to test a domain that disappears under a handle). */
    void destroy() {
        Xl.exec(List.of("xl", "destroy", name));
    }

    /** Destroys the guest if it still exists, and removes its config file. */
    @Override
    public void close() {
        create.destroy();
        destroy();
        try {
            Files.deleteIfExists(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
