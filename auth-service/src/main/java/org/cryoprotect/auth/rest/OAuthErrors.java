package org.cryoprotect.auth.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.auth.service.OAuthException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 6749 §5.2 error bodies for the OAuth endpoints. */
public class OAuthErrors {

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"cryoprotect\"");
        }
        if (e.status() == 429) {
            response.header("Retry-After", e.getMessage().replaceAll("\\D+", ""));
        }
        return response.build();
    }
}
