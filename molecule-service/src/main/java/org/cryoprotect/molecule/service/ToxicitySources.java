package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Set;

/** Where a toxicity measurement comes from. Imported provenance is written by the service role only. */
final class ToxicitySources {

    static final List<String> KNOWN = List.of("manual", "literature", "pubchem", "chembl");
    static final Set<String> IMPORTED = Set.of("pubchem", "chembl");

    private ToxicitySources() {
    }
}
