package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A body declared larger than quarkus.http.limits.max-body-size (10M) is refused before it is read,
 * as problem+json naming the limit, and the service goes on. Sent on a raw socket: only the headers
 * and a first few bytes go out, as a client that streams a large upload would.
 */
@QuarkusTest
class BodyTooLargeTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void oversizedBodyIsAProblem413() throws IOException {
        String response = send("POST /api/molecules HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + Api.user().token() + "\r\nContent-Length: " + (20L << 20) + "\r\n\r\n{\"name\": \"");

        String[] parts = response.split("\r\n\r\n", 2);
        assertTrue(parts[0].startsWith("HTTP/1.1 413"), parts[0]);
        assertTrue(parts[0].toLowerCase().contains("content-type: application/problem+json"), parts[0]);
        JsonObject problem = new JsonObject(parts[1]);
        assertEquals(413, problem.getInteger("status"));
        assertEquals("The request body is larger than the limit of 10 MiB (10485760 bytes)", problem.getString("detail"));

        Api.anonymous().request().get("/api/public/molecules?limit=1").then().statusCode(200);
    }

    @Test
    void bodiesWithinTheLimitAreRead() {
        Api.user().request().body(new JsonObject().put("name", "x".repeat(600)).put("smiles", "CCO").encode())
                .post("/api/molecules").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    /** Everything the server answers until it closes the connection. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
