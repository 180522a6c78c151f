package org.cryoprotect.molecule.config;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on CDK work ({@code cryo.chemistry.*}): what a structure may be, how long one computation
 * (properties, InChI, depiction) may take, and the dedicated workers that run it. Defaults and how they
 * were chosen: molecule-service/README.md.
 */
@ConfigMapping(prefix = "cryo.chemistry")
public interface ChemistryConfig {

    /** Longest SMILES accepted, checked before parsing. */
    @WithDefault("4000")
    int maxSmilesLength();

    /** Most atoms (as written, hydrogens implicit) a structure may have. */
    @WithDefault("500")
    int maxAtoms();

    @WithDefault("600")
    int maxBonds();

    /** Most rings (bonds - atoms + fragments): dense cages make ring perception and layout explode. */
    @WithDefault("50")
    int maxRings();

    /** Time one computation may run before the request gets a 422 "too complex" and the work is abandoned. */
    @WithDefault("2s")
    Duration timeBudget();

    /** Worker threads for CDK; defaults to the number of processors. */
    OptionalInt threads();

    /** Computations waiting for a worker; beyond it, 503. */
    @WithDefault("256")
    int queueSize();

    /** Longest wait for a free worker before the request gets a 503 (the workers are busy or stuck). */
    @WithDefault("5s")
    Duration queueTimeout();

    /**
     * Time a substructure search may spend on one page (SQL screen and CDK matching together); when it runs
     * out the page returns the matches found so far with "complete": false. At least one candidate is
     * examined per page, so paging always moves on.
     */
    @WithDefault("2s")
    Duration searchBudget();

    /** Screened candidates read per transaction and matched per chemistry task in a substructure search. */
    @WithDefault("100")
    int searchChunk();
}
