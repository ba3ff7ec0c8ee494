/*
 * The libxenctrl side of the lab's getVcpus measurement: N times what `xl vcpu-list` asks Xen for
 * one domain (xc_domain_getinfo, then xc_vcpu_getinfo and xc_vcpu_getaffinity per vCPU), the
 * same domctls jxen's Domain.vcpus() sends. Prints the elapsed nanoseconds of the N rounds.
 *   vcpu-bench DOMID N
 * Xen 4.18 replaced xc_domain_getinfo with xc_domain_getinfo_single (build-image defines
 * HAVE_XC_DOMAIN_GETINFO_SINGLE when the release's xenctrl.h has it); both send one getdomaininfo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xenctrl.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: vcpu-bench DOMID N\n");
        return 2;
    }
    uint32_t domid = (uint32_t) atoi(argv[1]);
    int n = atoi(argv[2]);
    xc_interface *xch = xc_interface_open(NULL, NULL, 0);
    if (!xch) {
        perror("xc_interface_open");
        return 1;
    }
    xc_cpumap_t hard = xc_cpumap_alloc(xch), soft = xc_cpumap_alloc(xch);
    if (!hard || !soft) {
        perror("xc_cpumap_alloc");
        return 1;
    }
    long long start = now_ns();
    for (int i = 0; i < n; i++) {
#ifdef HAVE_XC_DOMAIN_GETINFO_SINGLE
        xc_domaininfo_t info;
        if (xc_domain_getinfo_single(xch, domid, &info) < 0) {
            fprintf(stderr, "xc_domain_getinfo_single: domain %u not found\n", domid);
            return 1;
        }
#else
        xc_dominfo_t info;
        /* xc_domain_getinfo answers for the next domain when DOMID is gone: check the id. */
        if (xc_domain_getinfo(xch, domid, 1, &info) != 1 || info.domid != domid) {
            fprintf(stderr, "xc_domain_getinfo: domain %u not found\n", domid);
            return 1;
        }
#endif
        for (unsigned int v = 0; v <= info.max_vcpu_id; v++) {
            xc_vcpuinfo_t vinfo;
            if (xc_vcpu_getinfo(xch, domid, v, &vinfo) < 0
                || xc_vcpu_getaffinity(xch, domid, v, hard, soft,
                                       XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT) < 0) {
                perror("xc_vcpu_getinfo/getaffinity");
                return 1;
            }
        }
    }
    printf("%lld\n", now_ns() - start);
    free(hard);
    free(soft);
    xc_interface_close(xch);
    return 0;
}
