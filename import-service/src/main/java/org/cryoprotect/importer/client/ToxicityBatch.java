package org.cryoprotect.importer.client;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record ToxicityBatch(List<ToxicityMeasurement> measurements) {
}
