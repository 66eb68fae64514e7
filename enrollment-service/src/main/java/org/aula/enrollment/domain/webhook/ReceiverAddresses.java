package org.aula.enrollment.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard: which addresses a webhook may be delivered to. Refused: the unspecified address, loopback (unless
 * the local platform allows it), private ranges (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with
 * the cloud metadata endpoint, fe80::/10), carrier-grade NAT (100.64/10), multicast, and the reserved and benchmark
 * ranges; an IPv4 address embedded in IPv6 is judged as IPv4. A host is refused when any of its addresses is: the
 * client may connect to any of them. Checked when subscribing and again by the delivering client's own DNS
 * resolver, so a name that resolves elsewhere later (DNS rebinding) is refused at delivery time too.
 */
public final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /** Why an address may not be called, or empty when it may. */
    public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (judged.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback");
        }
        if (judged.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (judged.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (judged.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (judged.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] bytes = judged.getAddress();
        if (judged instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0 || first >= 240) {
                return Optional.of("reserved");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("private");
            }
            if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) {
                return Optional.of("reserved");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("reserved");
            }
        } else if ((bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("private");
        }
        return Optional.empty();
    }

    /** Whether every address may be called (at least one given). */
    public static Optional<String> refusal(List<InetAddress> addresses, boolean allowLoopback) {
        if (addresses.isEmpty()) {
            return Optional.of("unresolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address, allowLoopback);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mapped = allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = allZero(bytes, 0, 12) && !allZero(bytes, 12, 16) && !address.isLoopbackAddress();
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12);
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (java.net.UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
