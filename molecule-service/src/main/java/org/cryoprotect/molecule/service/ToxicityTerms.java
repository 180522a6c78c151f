package org.cryoprotect.molecule.service;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.cryoprotect.common.toxicity.ToxicityUnits;
import org.cryoprotect.common.toxicity.ToxicityVocabulary;

/** How query parameters name endpoints, species, routes and units: as the stored rows do. */
public final class ToxicityTerms {

    public static final String DOSE_UNIT = ToxicityUnits.DOSE;
    public static final String CONCENTRATION_UNIT = ToxicityUnits.CONCENTRATION;
    private static final Set<String> DOSES = Set.of("LD50", "LD10", "LDLo", "TDLo", "TD50", "NOAEL", "LOAEL");
    private static final Set<String> CONCENTRATIONS = Set.of("LC50", "LCLo", "TCLo", "IC50", "CC50", "EC50", "NOEC", "LOEC");

    private ToxicityTerms() {
    }

    public static String endpoint(String given) {
        return given == null ? null : ToxicityVocabulary.endpoint(given);
    }

    /** The controlled term for the words given; words outside the vocabulary match no row. */
    public static String species(String given) {
        return given == null ? null : ToxicityVocabulary.species(given).orElse(given.toLowerCase(Locale.ROOT));
    }

    public static String route(String given) {
        return given == null ? null : ToxicityVocabulary.route(given).orElse(given.toLowerCase(Locale.ROOT));
    }

    /** mg/kg for doses, µM for concentrations; empty for an endpoint that is neither. */
    public static Optional<String> defaultUnit(String endpoint) {
        return DOSES.contains(endpoint) ? Optional.of(DOSE_UNIT)
                : CONCENTRATIONS.contains(endpoint) ? Optional.of(CONCENTRATION_UNIT) : Optional.empty();
    }

    /** One of the normalized units (uM spelled either way), or empty. */
    public static Optional<String> normalizedUnit(String given) {
        if (DOSE_UNIT.equalsIgnoreCase(given)) {
            return Optional.of(DOSE_UNIT);
        }
        return CONCENTRATION_UNIT.equals(given) || "uM".equals(given) || "μM".equals(given) ? Optional.of(CONCENTRATION_UNIT)
                : Optional.empty();
    }
}
