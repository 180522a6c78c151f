package org.cryoprotect.web.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the user may do with a row (molecule-service's hint); the pages offer only these controls. */
@RegisterForReflection
public record Permissions(String right, boolean edit, boolean publish, boolean delete) {

    public static final Permissions NONE = new Permissions("read", false, false, false);
}
