package org.cryoprotect.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What every page's layout needs about the request: who is signed in and the CSRF token the page
 * sends back ({@code {inject:page.csrfToken}} in templates). Filled by the session filter.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private String csrfToken = "";
    private String displayName;

    public String getCsrfToken() {
        return csrfToken;
    }

    public void setCsrfToken(String csrfToken) {
        this.csrfToken = csrfToken;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isSignedIn() {
        return displayName != null;
    }

    public void signedIn(String displayName) {
        this.displayName = displayName;
    }
}
