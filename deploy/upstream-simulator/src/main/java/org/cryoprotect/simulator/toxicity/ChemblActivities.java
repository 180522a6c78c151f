package org.cryoprotect.simulator.toxicity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;

/** A molecule's ChEMBL activities in activity_id order: the fixture's for demo molecules, generated ones otherwise. */
@ApplicationScoped
public class ChemblActivities {

    private final ToxicityFixtures fixtures;

    public ChemblActivities(ToxicityFixtures fixtures) {
        this.fixtures = fixtures;
    }

    public List<ObjectNode> of(Compound compound) {
        if ("generated".equals(compound.origin())) {
            return GeneratedToxicity.chemblActivities(compound);
        }
        return fixtures.chemblActivities(compound.chemblId());
    }
}
