/*
 * Prints the offset and size of every struct member jxen's Java layouts describe, from Xen's own
 * public headers, one "struct path offset size" line each, and the interface versions.
 * Built and run by LayoutsAgainstXenHeadersTest.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <xen/xen.h>
#include <xen/domctl.h>
#include <xen/sysctl.h>
#include <linux/types.h>
#include <sys/ioctl.h>
#include <xen/sys/privcmd.h>

#define MEMBER(type, name, path) \
    printf("%s %s %zu %zu\n", name, #path, offsetof(type, path), sizeof(((type *)0)->path))
#define SIZE(type, name) printf("%s - 0 %zu\n", name, sizeof(type))

int main(void)
{
    printf("version domctl %d\n", XEN_DOMCTL_INTERFACE_VERSION);
    printf("version sysctl %d\n", XEN_SYSCTL_INTERFACE_VERSION);

    printf("ioctl IOCTL_PRIVCMD_HYPERCALL %lu\n", (unsigned long) IOCTL_PRIVCMD_HYPERCALL);
    SIZE(struct privcmd_hypercall, "privcmd_hypercall");
    MEMBER(struct privcmd_hypercall, "privcmd_hypercall", op);
    MEMBER(struct privcmd_hypercall, "privcmd_hypercall", arg);

    SIZE(struct xen_domctl, "xen_domctl");
    MEMBER(struct xen_domctl, "xen_domctl", cmd);
    MEMBER(struct xen_domctl, "xen_domctl", interface_version);
    MEMBER(struct xen_domctl, "xen_domctl", domain);
    MEMBER(struct xen_domctl, "xen_domctl", u);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.domain);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.flags);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.tot_pages);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.max_pages);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.cpu_time);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.nr_online_vcpus);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.max_vcpu_id);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.handle);
    MEMBER(struct xen_domctl, "xen_domctl", u.getdomaininfo.cpupool);
    MEMBER(struct xen_domctl, "xen_domctl", u.max_vcpus.max);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.vcpu);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.online);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.blocked);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.running);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.cpu_time);
    MEMBER(struct xen_domctl, "xen_domctl", u.getvcpuinfo.cpu);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.vcpu);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.flags);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.cpumap_hard.bitmap);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.cpumap_hard.nr_bits);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.cpumap_soft.bitmap);
    MEMBER(struct xen_domctl, "xen_domctl", u.vcpuaffinity.cpumap_soft.nr_bits);

    SIZE(struct xen_sysctl, "xen_sysctl");
    MEMBER(struct xen_sysctl, "xen_sysctl", cmd);
    MEMBER(struct xen_sysctl, "xen_sysctl", interface_version);
    MEMBER(struct xen_sysctl, "xen_sysctl", u);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.threads_per_core);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.cores_per_socket);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.nr_cpus);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.max_cpu_id);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.nr_nodes);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.max_node_id);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.cpu_khz);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.capabilities);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.total_pages);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.physinfo.free_pages);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.getdomaininfolist);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.getdomaininfolist.first_domain);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.getdomaininfolist.max_domains);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.getdomaininfolist.buffer);
    MEMBER(struct xen_sysctl, "xen_sysctl", u.getdomaininfolist.num_domains);
    return 0;
}
