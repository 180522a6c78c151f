package org.cryoprotect.common.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A service started from its built jar as a separate process, for tests that need the real
 * services talking real HTTP to each other (and that kill and restart them).
 */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    public ServiceProcess(String name, String jarProperty, int port, Map<String, String> environment) {
        String location = System.getProperty(jarProperty);
        if (location == null || !Files.exists(Path.of(location))) {
            throw new IllegalStateException(name + " jar not found (" + jarProperty + "=" + location
                    + "); run the whole build: ./mvnw verify");
        }
        this.name = name;
        this.jar = Path.of(location);
        this.port = port;
        this.environment = environment;
    }

    /**
     * A port nothing listens on, and that this JVM has not handed out before: ports are chosen before
     * the services start, and the OS may offer a port again while the first taker has not bound it yet.
     */
    public static synchronized int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ServiceProcess start() {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx384m", "-jar", jar.toString());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        File log = Path.of("target", name + "-process.log").toFile();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(log);
        return this;
    }

    /** SIGTERM, then SIGKILL if it does not go. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A crash: no shutdown hooks, no goodbyes. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(File log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited during start-up; see " + log.getAbsolutePath());
                        }
                        return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            kill();
            throw new IllegalStateException(name + " was not ready within 90 s; see " + log.getAbsolutePath(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
