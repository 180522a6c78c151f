package org.cryoprotect.molecule.chem;

import java.util.Map;

/** Units of the computed properties; counts and log values are dimensionless (no unit). */
public final class PropertyUnits {

    private static final Map<String, String> UNITS = Map.of(
            "molecular_weight", "g/mol",
            "exact_mass", "Da",
            "tpsa", "Å²");

    private PropertyUnits() {
    }

    public static String of(String property) {
        return UNITS.get(property);
    }
}
