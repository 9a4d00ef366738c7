package dev.streamlake.core.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The localhost port the Web UI of a local run listens on: the one asked for when it is free,
 * otherwise one the operating system hands out, so that a second local run, or anything else on
 * 8081, does not stop the job from starting.
 */
public final class WebUiPort {

    private final int requested;
    private final int port;

    private WebUiPort(int requested, int port) {
        this.requested = requested;
        this.port = port;
    }

    /** Picks the port; {@code requested} 0 asks for any free port. */
    public static WebUiPort choose(int requested) {
        if (requested != 0 && isFree(requested)) {
            return new WebUiPort(requested, requested);
        }
        return new WebUiPort(requested, anyFreePort());
    }

    public int port() {
        return port;
    }

    public int requested() {
        return requested;
    }

    /** Whether a port other than the one asked for is used. */
    public boolean fellBack() {
        return requested != 0 && requested != port;
    }

    private static boolean isFree(int candidate) {
        try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        // Closed again at once: Flink binds it a moment later. Another process could take it in
        // between, which would fail the start with a clear bind error; unlikely enough locally.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost for the Flink Web UI", e);
        }
    }

    @Override
    public String toString() {
        return fellBack() ? port + " (" + requested + " was taken)" : Integer.toString(port);
    }
}
