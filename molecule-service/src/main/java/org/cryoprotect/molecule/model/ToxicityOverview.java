package org.cryoprotect.molecule.model;

import java.util.List;

/** The compact toxicity of a molecule's JSON: the counts and its largest groups. */
public record ToxicityOverview(long measurements, long unparsed, List<ToxicityGroup> groups) {
}
