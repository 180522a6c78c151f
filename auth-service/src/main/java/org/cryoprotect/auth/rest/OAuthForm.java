package org.cryoprotect.auth.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.cryoprotect.auth.service.ClientAuthenticator.Credentials;
import org.cryoprotect.auth.service.OAuthException;

/** A form-encoded OAuth request: every parameter at most once (RFC 6749 §3.2), client credentials once. */
final class OAuthForm {

    private final MultivaluedMap<String, String> form;
    private final String authorization;

    OAuthForm(MultivaluedMap<String, String> form, String authorization) {
        this.form = form;
        this.authorization = authorization;
        if (form != null) {
            for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
                if (parameter.getValue().size() > 1) {
                    throw OAuthException.invalidRequest("Parameter '" + parameter.getKey() + "' is repeated");
                }
            }
        }
    }

    String get(String name) {
        String value = form == null ? null : form.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("Parameter '" + name + "' is required");
        }
        return value;
    }

    List<String> getAll(String... names) {
        return java.util.Arrays.stream(names).map(this::get).filter(v -> v != null).flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+")))
                .toList();
    }

    /** HTTP Basic (RFC 6749 §2.3.1, form-url-encoded parts) or form parameters; never both. */
    Credentials clientCredentials() {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean inForm = get("client_id") != null || get("client_secret") != null;
        if (basic && inForm) {
            throw OAuthException.invalidRequest("Use one client authentication method, not both");
        }
        if (basic) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw OAuthException.invalidClient("Malformed Basic credentials");
                }
                return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("Malformed Basic credentials");
            }
        }
        return inForm ? new Credentials(get("client_id"), get("client_secret")) : null;
    }
}
