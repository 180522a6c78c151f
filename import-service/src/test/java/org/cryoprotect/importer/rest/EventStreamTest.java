package org.cryoprotect.importer.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Progress streams: at most five per user, a closed one frees its slot, and however many watch a
 * job, its progress is read once per interval (100 ms in tests) and every watcher sees the end.
 * Jobs stay running here (the test profile has no upstream) until the test cancels them.
 */
@QuarkusTest
class EventStreamTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URI base;

    private final UUID researcher = UUID.randomUUID();
    private final String token = ImportApiTest.userToken(researcher, "imports:read imports:write");

    @BeforeEach
    void noStreamLeftFromOtherTests() {
        await().atMost(WAIT).until(() -> metric("cryo_import_progress_pollers") == 0);
    }

    @Test
    void aUserHasAtMostFiveStreamsAndAClosedOneFreesItsSlot() {
        String job = start(researcher, token);
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                EventStream stream = EventStream.open(base, job, token);
                assertEquals(200, stream.status, stream.refusal);
                open.add(stream);
            }
            await().atMost(WAIT).until(() -> open.stream().allMatch(s -> !s.events.isEmpty()));

            EventStream sixth = EventStream.open(base, job, token);
            assertEquals(429, sixth.status);
            assertTrue(sixth.contentType.startsWith("application/problem+json"), sixth.contentType);
            assertTrue(sixth.refusal.contains("At most 5 progress streams"), sixth.refusal);

            // the limit is per user: someone else may still watch
            UUID colleague = UUID.randomUUID();
            String colleagueToken = ImportApiTest.userToken(colleague, "imports:read imports:write");
            try (EventStream other = EventStream.open(base, start(colleague, colleagueToken), colleagueToken)) {
                assertEquals(200, other.status, other.refusal);
            }

            // a client that goes away gives its slot back
            open.remove(0).close();
            await().atMost(WAIT).until(() -> {
                EventStream again = EventStream.open(base, job, token);
                if (again.status == 200) {
                    open.add(again);
                    return true;
                }
                assertEquals(429, again.status);
                return false;
            });
        } finally {
            open.forEach(EventStream::close);
        }
        // nobody watches: no poller is left
        await().atMost(WAIT).until(() -> metric("cryo_import_progress_pollers") == 0);
    }

    @Test
    void watchersOfOneJobShareOneProgressReadAndAllSeeTheEnd() {
        String job = start(researcher, token);
        List<EventStream> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                watchers.add(EventStream.open(base, job, token));
            }
            await().atMost(WAIT).until(() -> watchers.stream().allMatch(s -> !s.events.isEmpty()));
            assertEquals(1, metric("cryo_import_progress_pollers"), "one poller for five watchers of one job");

            long from = System.nanoTime();
            double before = metric("cryo_import_progress_polls_total");
            await().atMost(WAIT).until(() -> metric("cryo_import_progress_polls_total") >= before + 10);
            double polls = metric("cryo_import_progress_polls_total") - before;
            long intervals = (System.nanoTime() - from) / INTERVAL.toNanos();
            // one poller reads at most once per interval; five pollers would read about five times as often
            assertTrue(polls <= intervals + 2, polls + " reads in " + intervals + " intervals");

            given().header("Authorization", "Bearer " + token).post("/api/imports/" + job + "/cancel")
                    .then().statusCode(200);
            await().atMost(WAIT).until(() -> watchers.stream().allMatch(EventStream::ended));
            for (EventStream watcher : watchers) {
                assertTrue(watcher.last().contains("\"status\":\"cancelled\""), watcher.events.toString());
            }
            await().atMost(WAIT).until(() -> metric("cryo_import_progress_pollers") == 0);
        } finally {
            watchers.forEach(EventStream::close);
        }
    }

    private static String start(UUID user, String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("source", "pubchem", "ids", List.of(753))).post("/api/imports")
                .then().statusCode(202).extract().path("id");
    }

    private static double metric(String name) {
        String all = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + name + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(all);
        if (!value.find()) {
            throw new AssertionError(name + " is not exported");
        }
        return Double.parseDouble(value.group(1));
    }
}
