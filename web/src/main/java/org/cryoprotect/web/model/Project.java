package org.cryoprotect.web.model;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record Project(UUID id, UUID teamId, String name, String description) {
}
