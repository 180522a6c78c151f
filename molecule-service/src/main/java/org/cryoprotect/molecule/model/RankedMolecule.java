package org.cryoprotect.molecule.model;

import java.util.UUID;

/** One molecule of a toxicity ranking: the statistic ranked by as {@code value}, and the group's statistics. */
public record RankedMolecule(UUID moleculeId, String name, String formula, double value, String unit, long count,
        double min, double median, double max) {
}
