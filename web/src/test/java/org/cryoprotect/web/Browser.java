package org.cryoprotect.web;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser as far as web can tell: it keeps cookies and sends the page's CSRF token with its forms. */
public class Browser {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        Matcher meta = CSRF_META.matcher(response.asString());
        if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }

    /** A plain form post with the page's CSRF token as the hidden field. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("csrf_token", csrf);
        }
        Response response = request().formParams(fields).post(path);
        remember(response);
        return response;
    }

    /** A post without any CSRF token. */
    public Response postWithoutCsrf(String path, Map<String, String> form) {
        Response response = request().formParams(form).post(path);
        remember(response);
        return response;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    void remember(Response response) {
        response.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }

    /** A new account, signed in: email and password. */
    public static Browser signedUp(String displayName) {
        Browser browser = new Browser();
        browser.get("/sign-up");
        String email = UUID.randomUUID() + "@lab.test";
        Response response = browser.post("/sign-up", Map.of("email", email, "password", "a-long-password-1", "display_name", displayName));
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-up answered " + response.statusCode() + ": " + response.asString());
        }
        browser.email = email;
        return browser;
    }

    String email;
}
