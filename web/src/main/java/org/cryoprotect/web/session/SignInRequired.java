package org.cryoprotect.web.session;

/** The page needs a signed-in user; answered with a redirect to the sign-in page. */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("Sign in to continue", null, false, false);
    }
}
