package org.cryoprotect.molecule.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * JSON types that appear only inside generic or nested positions (Page items, map values, lists),
 * where Quarkus cannot infer them from resource signatures for a native image.
 */
@RegisterForReflection(targets = {Page.class, Molecule.class, MoleculePermissions.class, PropertyValue.class, Mixture.class, Mixture.Component.class,
        Toxicity.class, ToxicitySummary.class, PublicMolecule.class, BatchRecord.class, BatchResult.class,
        BatchResponse.class, ToxicityInput.class, NewMixture.NewComponent.class, Member.class, Team.class, Project.class, Profile.class,
        Linked.class, ToxicityPatch.class, ToxicityGroup.class, ToxicityOverview.class, RankedMolecule.class,
        ToxicityBatchItem.class, ToxicityBatchResult.class, ToxicityBatchResponse.class, ImportResult.class, ImportResponse.class,
        Invitation.class, Accepted.class})
final class ModelReflection {

    private ModelReflection() {
    }
}
