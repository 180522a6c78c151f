package org.cryoprotect.web.page;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.remote.RemoteUnavailable;
import org.cryoprotect.web.session.CurrentRequest;
import org.cryoprotect.web.session.SessionCookies;
import org.cryoprotect.web.session.Sessions;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Sign-up, sign-in and sign-out. A new session id at every sign-in; sign-out revokes the tokens everywhere. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuthResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String next, String error);

        static native TemplateInstance signUp(String email, String displayName, String error);
    }

    private final Sessions sessions;
    private final SessionCookies cookies;
    private final CurrentRequest current;

    public AuthResource(Sessions sessions, SessionCookies cookies, CurrentRequest current) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.current = current;
    }

    @GET
    @Path("sign-in")
    public TemplateInstance signInForm(@RestQuery String next) {
        return Templates.signIn("", safeNext(next), null);
    }

    @POST
    @Path("sign-in")
    public Uni<Response> signIn(@RestForm String email, @RestForm String password, @RestForm String next) {
        String target = safeNext(next);
        if (blank(email) || blank(password)) {
            return Uni.createFrom().item(page(400, Templates.signIn(trim(email), target, "Enter your email and password.")));
        }
        return current.session().map(old -> sessions.signOut(old)).orElse(Uni.createFrom().voidItem())
                .chain(() -> sessions.signIn(email.trim(), password, email.trim(), current.browserAddress()))
                .map(started -> signedIn(started, target))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> page(((RemoteProblem) e).status(),
                        Templates.signIn(email.trim(), target, ((RemoteProblem) e).status() == 401 || ((RemoteProblem) e).status() == 400
                                ? "Email or password is wrong." + detailIfThrottled((RemoteProblem) e)
                                : e.getMessage())))
                .onFailure(RemoteUnavailable.class).recoverWithItem(e -> page(503,
                        Templates.signIn(email.trim(), target, "Sign-in is not available right now; try again in a moment.")));
    }

    @GET
    @Path("sign-up")
    public TemplateInstance signUpForm() {
        return Templates.signUp("", "", null);
    }

    @POST
    @Path("sign-up")
    public Uni<Response> signUp(@RestForm String email, @RestForm String password, @RestForm("display_name") String displayName) {
        if (blank(email) || blank(password)) {
            return Uni.createFrom().item(page(400, Templates.signUp(trim(email), trim(displayName), "Enter an email and a password.")));
        }
        String name = blank(displayName) ? email.trim() : displayName.trim();
        return sessions.signUp(email.trim(), password, name, current.browserAddress())
                .map(started -> signedIn(started, "/"))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> page(((RemoteProblem) e).status(),
                        Templates.signUp(email.trim(), trim(displayName), e.getMessage())))
                .onFailure(RemoteUnavailable.class).recoverWithItem(e -> page(503,
                        Templates.signUp(email.trim(), trim(displayName), "Sign-up is not available right now; try again in a moment.")));
    }

    @POST
    @Path("sign-out")
    public Uni<Response> signOut() {
        var session = current.session();
        Uni<Void> done = session.isPresent() ? sessions.signOut(session.get()) : Uni.createFrom().voidItem();
        return done.map(ignored -> Response.seeOther(URI.create("/sign-in?signed_out=1"))
                .header("Set-Cookie", cookies.clearSession(current.secure())).build());
    }

    private Response signedIn(Sessions.Started started, String target) {
        return Response.seeOther(URI.create(target))
                .header("Set-Cookie", cookies.session(started.cookieId(), current.secure()))
                .header("Set-Cookie", cookies.clearPreSessionCsrf(current.secure()))
                .build();
    }

    private static String detailIfThrottled(RemoteProblem e) {
        return e.status() == 429 ? " " + e.getMessage() : "";
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** Only a path of this site: never another origin (open redirect) nor a protocol-relative //host. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
