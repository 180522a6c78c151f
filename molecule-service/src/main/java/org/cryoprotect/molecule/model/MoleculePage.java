package org.cryoprotect.molecule.model;

import java.util.List;

/** The documented shape of a molecule list (the service sends it pre-rendered, see {@link JsonPage}). */
public record MoleculePage(List<Molecule> items, String nextCursor) {
}
