package org.cryoprotect.web.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record MixturePage(List<Mixture> items, String nextCursor) {
}
