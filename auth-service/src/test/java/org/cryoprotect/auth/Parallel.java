package org.cryoprotect.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Many requests released at once, to race the server's checks against each other. */
final class Parallel {

    private Parallel() {
    }

    static List<HttpResponse<String>> send(int count, Supplier<HttpRequest> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        HttpClient client = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest built = request.get();
                sent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return client.send(built, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    static HttpRequest.Builder jsonPost(URI uri, String json) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
