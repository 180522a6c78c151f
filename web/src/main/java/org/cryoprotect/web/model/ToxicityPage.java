package org.cryoprotect.web.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record ToxicityPage(List<Toxicity> items, String nextCursor) {
}
