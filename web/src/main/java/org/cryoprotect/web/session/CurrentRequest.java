package org.cryoprotect.web.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** The browser's session for this request (if signed in), and the cookies the answer sets. */
@RequestScoped
public class CurrentRequest {

    private WebSession session;
    private String browserAddress = "";
    private boolean secure;
    private final List<String> setCookies = new ArrayList<>();

    void start(WebSession session, String browserAddress, boolean secure) {
        this.session = session;
        this.browserAddress = browserAddress;
        this.secure = secure;
    }

    public Optional<WebSession> session() {
        return Optional.ofNullable(session);
    }

    /** The signed-in user's session, or a redirect to sign-in. */
    public WebSession requireSession() {
        if (session == null) {
            throw new SignInRequired();
        }
        return session;
    }

    /** The user's access token for a call to a service; null when anonymous (public rows only). */
    public String accessToken() {
        return session == null ? null : session.accessToken();
    }

    public UUID userId() {
        return session == null ? null : session.userId();
    }

    public String browserAddress() {
        return browserAddress;
    }

    public boolean secure() {
        return secure;
    }

    public void setCookie(String header) {
        setCookies.add(header);
    }

    List<String> cookiesToSet() {
        return setCookies;
    }
}
