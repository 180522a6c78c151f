package org.cryoprotect.web.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/** A page that needs a signed-in user sends everyone else to sign-in, and back afterwards. */
public class SignInRedirect {

    @ServerExceptionMapper
    public Response signIn(SignInRequired e, UriInfo uri, HttpServerRequest http) {
        String back = "GET".equals(http.method().name()) ? uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()) : "/";
        URI target = URI.create("/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        if (http.getHeader("HX-Request") != null) {
            return Response.status(Response.Status.UNAUTHORIZED).header("HX-Redirect", target.toString()).build();
        }
        return Response.seeOther(target).build();
    }
}
