package org.cryoprotect.web.remote;

/**
 * A service answered with a refusal (4xx): its status and its own words (problem+json {@code detail},
 * or OAuth's {@code error_description}), shown to the user as they are.
 */
public class RemoteProblem extends RuntimeException {

    private final int status;
    private final String title;

    public RemoteProblem(int status, String title, String detail) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
