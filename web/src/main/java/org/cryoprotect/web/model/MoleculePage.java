package org.cryoprotect.web.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a molecule search; {@code complete} false when a substructure search ran out of time. */
@RegisterForReflection
public record MoleculePage(List<Molecule> items, String nextCursor, Boolean complete) {

    public boolean incomplete() {
        return Boolean.FALSE.equals(complete);
    }
}
