package org.aula.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Port checks done before anything starts, so a clash fails fast with the option to change. */
final class Ports {

    private Ports() {
    }

    /**
     * The port PostgreSQL should use: the one asked for, or 0 (any free port) when it is taken,
     * since a developer's own PostgreSQL on 5432 is common and nobody needs ours on that port.
     */
    static int choosePostgresPort(int requested, List<String> notices) {
        if (requested == 0 || isFree(requested)) {
            return requested;
        }
        notices.add("port " + requested + " is in use, so PostgreSQL runs on a free port instead"
                + " (see the JDBC URLs; fix one with --postgres-port=<port>)");
        return 0;
    }

    /** Throws unless {@code port} is 0 or free. */
    static void requireFree(int port, String what, String option) {
        if (port != 0 && !isFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + what + " is in use; choose another with "
                    + option + "=<port> (0 picks a free one)");
        }
    }

    /**
     * {@code port}, or when it is 0 a port that is free now. Services get a concrete port up front
     * so that what they publish (certification-service's verification links) names the right one.
     */
    static int concrete(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    static boolean isFree(int port) {
        // Both the wildcard and the loopback address: a server bound to either makes ours fail.
        return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
