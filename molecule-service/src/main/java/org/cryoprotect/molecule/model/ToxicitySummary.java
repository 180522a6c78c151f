package org.cryoprotect.molecule.model;

import java.util.List;
import java.util.UUID;

/** A molecule's measurements: how many, how many did not parse, and the statistics per group. */
public record ToxicitySummary(UUID moleculeId, long measurements, long unparsed, List<ToxicityGroup> groups) {
}
