package org.cryoprotect.importer.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A progress stream held open by a test: its events arrive in the background until it ends or is closed. */
final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final int status;
    final String contentType;
    /** The body of a refusal; empty for a stream. */
    final String refusal;
    final List<String> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        if (status == 200) {
            refusal = "";
            Thread reader = new Thread(this::read, "event-stream");
            reader.setDaemon(true);
            reader.start();
        } else {
            refusal = readAll(body);
            ended = true;
        }
    }

    private static String readAll(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static EventStream open(URI base, String job, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/imports/" + job + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        try {
            return new EventStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
        }
    }

    /** The server ended the stream (or the test closed it). */
    boolean ended() {
        return ended;
    }

    String last() {
        return events.isEmpty() ? "" : events.get(events.size() - 1);
    }

    /** Goes away like a browser tab that is closed. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
