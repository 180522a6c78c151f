package org.cryoprotect.molecule.model;

import java.util.List;

/** The documented shape of a toxicity ranking page (the service sends it pre-rendered, see {@link JsonPage}). */
public record RankingPage(List<RankedMolecule> items, String nextCursor) {
}
