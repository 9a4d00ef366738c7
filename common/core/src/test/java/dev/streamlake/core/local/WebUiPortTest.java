package dev.streamlake.core.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class WebUiPortTest {

    @Test
    void aFreePortIsUsedAsAskedFor() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }

        WebUiPort port = WebUiPort.choose(free);

        assertThat(port.port()).isEqualTo(free);
        assertThat(port.fellBack()).isFalse();
    }

    @Test
    void aTakenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WebUiPort port = WebUiPort.choose(taken.getLocalPort());

            assertThat(port.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
            assertThat(port.requested()).isEqualTo(taken.getLocalPort());
            assertThat(port.fellBack()).isTrue();
            assertThat(port).hasToString(port.port() + " (" + taken.getLocalPort() + " was taken)");
            try (ServerSocket chosen = new ServerSocket(port.port(), 1, InetAddress.getLoopbackAddress())) {
                assertThat(chosen.isBound()).isTrue();
            }
        }
    }

    @Test
    void portZeroAsksForAnyFreePort() {
        WebUiPort port = WebUiPort.choose(0);

        assertThat(port.port()).isPositive();
        assertThat(port.fellBack()).isFalse();
    }
}
