package org.aula.enrollment.application.webhook;

import java.net.InetAddress;
import java.util.List;

/** Resolves a receiver's host name (port; implemented in {@code messaging} with the delivering client's resolver). */
public interface ReceiverHosts {

    /** Every address of the host; empty when it does not resolve. */
    List<InetAddress> resolve(String host);
}
