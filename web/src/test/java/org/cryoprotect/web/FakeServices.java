package org.cryoprotect.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * auth-service and molecule-service as web sees them over HTTP, in the test JVM, with what they
 * were asked recorded: tokens issued, refreshed (a reused refresh token revokes its family, as
 * auth-service does), revoked, and the bearer every molecule call carried. Browser journeys against
 * the real services are the webops harness's.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public record Account(UUID id, String email, String password, String displayName) {
    }

    public static final Map<String, Account> ACCOUNTS = new ConcurrentHashMap<>();
    /** refresh token -> user id, while usable. */
    public static final Map<String, UUID> REFRESH = new ConcurrentHashMap<>();
    public static final Set<String> USED_REFRESH = ConcurrentHashMap.newKeySet();
    public static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
    public static final Set<String> ISSUED_ACCESS = ConcurrentHashMap.newKeySet();
    public static final List<String> MOLECULE_BEARERS = new CopyOnWriteArrayList<>();
    public static final List<String> MOLECULE_QUERIES = new CopyOnWriteArrayList<>();
    public static final AtomicInteger REFRESHES = new AtomicInteger();
    public static final AtomicInteger REUSED_REFRESH = new AtomicInteger();
    /** expires_in of the next tokens. */
    public static volatile long accessLifetimeSeconds = 900;
    /** Molecules molecule-service "holds": id -> JSON. */
    public static final Map<String, JsonObject> MOLECULES = new ConcurrentHashMap<>();
    /** Answer to PATCH: null = apply, else a problem status with this detail. */
    public static volatile JsonObject patchRefusal;
    public static final List<JsonObject> PATCHES = new CopyOnWriteArrayList<>();
    /** molecule id -> the right /permissions reports (read when absent). */
    public static final Map<String, String> RIGHTS = new ConcurrentHashMap<>();

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/api/auth/signup").handler(this::signup);
        router.post("/api/auth/login").handler(this::login);
        router.post("/oauth/token").handler(this::token);
        router.post("/oauth/revoke").handler(this::revoke);
        router.get("/api/molecules").handler(this::search);
        router.get("/api/molecules/:id/depiction.svg").handler(this::depiction);
        router.get("/api/molecules/:id/toxicity").handler(rc -> json(rc, 200, new JsonObject().put("items", new JsonArray())));
        router.get("/api/molecules/:id/permissions").handler(rc -> {
            String right = RIGHTS.getOrDefault(rc.pathParam("id"), "read");
            boolean manage = right.equals("manage");
            json(rc, 200, new JsonObject().put("right", right).put("edit", manage || right.equals("change"))
                    .put("publish", manage).put("delete", manage));
        });
        router.get("/api/molecules/:id").handler(this::molecule);
        router.patch("/api/molecules/:id").handler(this::patch);
        router.post("/api/molecules").handler(this::create);
        router.get("/api/mixtures").handler(rc -> json(rc, 200, new JsonObject().put("items", new JsonArray())));
        router.get("/api/projects").handler(rc -> rc.response().putHeader("Content-Type", "application/json").end("[]"));
        try {
            server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String base = "http://127.0.0.1:" + server.actualPort();
        return Map.of("cryo.web.auth-service-url", base, "cryo.web.molecule-service-url", base,
                "cryo.web.import-service-url", base);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void signup(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        String email = body.getString("email");
        String password = body.getString("password");
        if (password == null || password.length() < 10) {
            problem(rc, 400, "Invalid request", "password: must be 10 to 128 characters");
            return;
        }
        if (ACCOUNTS.containsKey(email)) {
            problem(rc, 409, "Conflict", "An account with this email exists");
            return;
        }
        Account account = new Account(UUID.randomUUID(), email, password, body.getString("display_name"));
        ACCOUNTS.put(email, account);
        json(rc, 201, new JsonObject().put("id", account.id().toString()));
    }

    private void login(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        Account account = ACCOUNTS.get(body.getString("email"));
        if (account == null || !account.password().equals(body.getString("password"))) {
            problem(rc, 401, "Unauthorized", "Invalid email or password");
            return;
        }
        json(rc, 200, tokens(account.id()));
    }

    private void token(RoutingContext rc) {
        String refresh = rc.request().getFormAttribute("refresh_token");
        UUID user = refresh == null ? null : REFRESH.remove(refresh);
        if (user == null) {
            if (refresh != null && USED_REFRESH.contains(refresh)) {
                REUSED_REFRESH.incrementAndGet();
            }
            json(rc, 400, new JsonObject().put("error", "invalid_grant").put("error_description", "Refresh token is not valid"));
            return;
        }
        USED_REFRESH.add(refresh);
        REFRESHES.incrementAndGet();
        json(rc, 200, tokens(user));
    }

    private void revoke(RoutingContext rc) {
        String bearer = bearer(rc.request());
        if (bearer == null || REVOKED.contains(bearer) || !ISSUED_ACCESS.contains(bearer)) {
            problem(rc, 401, "Unauthorized", "Bearer token is not valid");
            return;
        }
        String token = rc.request().getFormAttribute("token");
        REVOKED.add(token);
        REFRESH.remove(token);
        rc.response().setStatusCode(200).end();
    }

    private void search(RoutingContext rc) {
        MOLECULE_BEARERS.add(String.valueOf(bearer(rc.request())));
        MOLECULE_QUERIES.add(rc.request().query() == null ? "" : rc.request().query());
        if ("sdf".equals(rc.request().getParam("format"))) {
            rc.response().setChunked(true).putHeader("Content-Type", "chemical/x-mdl-sdfile")
                    .putHeader("Content-Disposition", "attachment; filename=\"molecules.sdf\"");
            for (JsonObject m : MOLECULES.values()) {
                rc.response().write(m.getString("name") + "\n  CDK\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n");
            }
            rc.response().end();
            return;
        }
        JsonArray items = new JsonArray();
        MOLECULES.values().forEach(items::add);
        JsonObject page = new JsonObject().put("items", items).putNull("next_cursor");
        if (rc.request().getParam("substructure") != null) {
            page.put("complete", false);
        }
        json(rc, 200, page);
    }

    private void molecule(RoutingContext rc) {
        MOLECULE_BEARERS.add(String.valueOf(bearer(rc.request())));
        JsonObject molecule = MOLECULES.get(rc.pathParam("id"));
        if (molecule == null) {
            problem(rc, 404, "Not Found", "No molecule " + rc.pathParam("id"));
            return;
        }
        json(rc, 200, molecule);
    }

    private void patch(RoutingContext rc) {
        MOLECULE_BEARERS.add(String.valueOf(bearer(rc.request())));
        JsonObject refusal = patchRefusal;
        if (refusal != null) {
            problem(rc, refusal.getInteger("status"), "Forbidden", refusal.getString("detail"));
            return;
        }
        JsonObject molecule = MOLECULES.get(rc.pathParam("id"));
        JsonObject patch = rc.body().asJsonObject();
        PATCHES.add(patch);
        patch.forEach(e -> molecule.put(e.getKey(), e.getValue()));
        json(rc, 200, molecule);
    }

    private void create(RoutingContext rc) {
        MOLECULE_BEARERS.add(String.valueOf(bearer(rc.request())));
        JsonObject body = rc.body().asJsonObject();
        if ("C1CC".equals(body.getString("smiles"))) {
            problem(rc, 422, "Unprocessable Entity", "smiles: not a valid SMILES (ring 1 is not closed)");
            return;
        }
        JsonObject molecule = molecule(UUID.randomUUID(), body.getString("name"), body.getString("smiles"), false, null);
        MOLECULES.put(molecule.getString("id"), molecule);
        json(rc, 201, molecule);
    }

    private void depiction(RoutingContext rc) {
        MOLECULE_BEARERS.add(String.valueOf(bearer(rc.request())));
        if ("\"v1\"".equals(rc.request().getHeader("If-None-Match"))) {
            rc.response().setStatusCode(304).putHeader("ETag", "\"v1\"").end();
            return;
        }
        rc.response().putHeader("Content-Type", "image/svg+xml").putHeader("ETag", "\"v1\"")
                .putHeader("Cache-Control", "private, no-cache")
                .end("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>");
    }

    public static JsonObject molecule(UUID id, String name, String smiles, boolean isPublic, UUID createdBy) {
        return new JsonObject().put("id", id.toString()).put("name", name).put("smiles", smiles).put("formula", "C3H8O3")
                .put("inchi", "InChI=1S/C3H8O3/c4-1-3(6)2-5/h3-6H,1-2H2").put("inchikey", "PEDCQBHIVMGVHV-UHFFFAOYSA-N")
                .put("parent_inchikey", "PEDCQBHIVMGVHV-UHFFFAOYSA-N").put("pubchem_cid", 753).put("is_public", isPublic)
                .put("created_by", createdBy == null ? null : createdBy.toString())
                .put("synonyms", new JsonArray().add("glycerin"))
                .put("properties", new JsonObject()
                        .put("molecular_weight", new JsonObject().put("value", 92.094).put("unit", "g/mol").put("source", "cdk").put("describes", "molecule"))
                        .put("xlogp", new JsonObject().put("value", -1.76).put("source", "pubchem").put("describes", "parent")));
    }

    private static JsonObject tokens(UUID user) {
        String access = jwt(user);
        String refresh = UUID.randomUUID() + "." + UUID.randomUUID();
        ISSUED_ACCESS.add(access);
        REFRESH.put(refresh, user);
        return new JsonObject().put("access_token", access).put("refresh_token", refresh)
                .put("expires_in", accessLifetimeSeconds).put("token_type", "Bearer");
    }

    private static String jwt(UUID user) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(new JsonObject().put("sub", user.toString()).put("jti", UUID.randomUUID().toString())
                .encode().getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static void problem(RoutingContext rc, int status, String title, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("status", status).put("title", title).put("detail", detail).encode());
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
