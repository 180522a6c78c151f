package org.cryoprotect.molecule.model;

import java.util.List;

/**
 * The documented shape of a molecule list (the service sends it pre-rendered, see {@link JsonPage}).
 * {@code complete} appears on substructure searches only: false when the time budget ran out first.
 */
public record MoleculePage(List<Molecule> items, String nextCursor, Boolean complete) {
}
