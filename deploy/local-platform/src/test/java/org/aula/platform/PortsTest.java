package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPostgresPortFallsBackToAFreeOneAndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            List<String> notices = new ArrayList<>();

            int chosen = Ports.choosePostgresPort(taken.getLocalPort(), notices);

            assertThat(chosen).isZero();
            assertThat(notices).singleElement().asString().contains("port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void aTakenServicePortFailsFastNamingTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "session-service", "--session-port"))
                    .hasMessageContaining("--session-port=<port>");
        }
    }
}
