package org.cryoprotect.web.page;

import io.quarkus.qute.TemplateGlobal;

/** Paths of the front-end libraries served from their Maven jars (web/pom.xml pins the versions). */
@TemplateGlobal
public final class Assets {

    public static final String htmxScript = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    public static final String htmxSseScript = "/webjars/htmx-ext-sse/2.2.2/sse.js";

    private Assets() {
    }
}
