package org.cryoprotect.web.session;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.page.PageContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Before every page and action: finds the browser's session (refreshing its access token when
 * due), gives the page its CSRF token, and refuses a state-changing request (POST, PUT, PATCH,
 * DELETE) whose CSRF token — the X-CSRF-Token header htmx sends, or the csrf_token field of a
 * plain form — is not the session's (before sign-in: the pre-session cookie's). A refused request
 * reaches no resource, so it changes nothing.
 */
@ApplicationScoped
public class SessionFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf_token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final SessionCookies cookies;
    private final CurrentRequest current;
    private final PageContext page;

    public SessionFilter(Sessions sessions, SessionCookies cookies, CurrentRequest current, PageContext page) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.current = current;
        this.page = page;
    }

    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> enter(ContainerRequestContext request, HttpServerRequest http) {
        boolean tls = http.isSSL() || "https".equalsIgnoreCase(http.scheme());
        String address = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        Cookie cookie = request.getCookies().get(cookies.sessionName());
        Uni<Optional<WebSession>> found = cookie == null
                ? Uni.createFrom().item(Optional.empty())
                : sessions.current(cookie.getValue());
        return found.map(session -> {
            current.start(session.orElse(null), address, tls);
            if (session.isPresent()) {
                page.setCsrfToken(session.get().csrfToken());
                page.signedIn(session.get().displayName());
            } else {
                if (cookie != null) {
                    current.setCookie(cookies.clearSession(tls));
                }
                page.setCsrfToken(preSessionCsrf(request, tls));
            }
            if (!SAFE.contains(request.getMethod()) && !SessionIds.same(presentedCsrf(request), page.getCsrfToken())) {
                return forbidden();
            }
            return null;
        });
    }

    private String preSessionCsrf(ContainerRequestContext request, boolean tls) {
        Cookie csrf = request.getCookies().get(SessionCookies.PRE_SESSION_CSRF);
        if (csrf != null && SessionIds.wellFormed(csrf.getValue())) {
            return csrf.getValue();
        }
        String token = SessionIds.random();
        current.setCookie(cookies.preSessionCsrf(token, tls));
        return token;
    }

    private static String presentedCsrf(ContainerRequestContext request) {
        String header = request.getHeaderString(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        if (context == null || context.getFormData() == null) {
            return null;
        }
        Object field = context.getFormParameter(CSRF_FIELD, true, false);
        return field instanceof String value ? value : null;
    }

    private static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused · CryoProtect</title></head>"
                        + "<body><main><h1>Refused</h1><p role=\"alert\">This form was out of date or came from another site "
                        + "(its security token did not match). Nothing was changed. <a href=\"/\">Reload CryoProtect</a> and try again.</p>"
                        + "</main></body></html>")
                .build();
    }

    /** Cookies of this request; pages that show a user's data are not cached by the browser or proxies. */
    @ServerResponseFilter
    public void leave(ContainerResponseContext response) {
        for (String setCookie : current.cookiesToSet()) {
            response.getHeaders().add("Set-Cookie", setCookie);
        }
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE) && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
    }
}
