package org.cryoprotect.common.toxicity;

/**
 * One measurement as a source reported it: the words as written, only the endpoint canonical.
 *
 * @param endpoint canonical spelling (LD50, LC50, LD10, LDLo, LCLo, TDLo, TCLo, TD50, IC50, CC50, EC50,
 *                 NOAEL, LOAEL, NOEC, LOEC); any other endpoint in the source's spelling, uppercase
 * @param relation one of "=", "<", ">", "<=", ">=", "~"
 * @param unit     as reported, trimmed ("mg/kg", "mg/kg bw", "mg.kg-1", "ppm", ...)
 * @param species  as reported, or null ("Rat", "Fathead minnow (Pimephales promelas)")
 * @param route    as reported, or null ("oral", "ip", "skin")
 * @param exposure as reported, or null ("96 hr", "4H")
 */
public record ReportedMeasurement(String endpoint, String relation, double value, String unit,
        String species, String route, String exposure) {
}
