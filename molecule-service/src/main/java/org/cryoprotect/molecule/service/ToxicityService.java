package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.ToxicityUnits;
import org.cryoprotect.molecule.model.Molecule;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicityInput;
import org.cryoprotect.molecule.model.ToxicityPatch;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicitySummary;
import org.cryoprotect.molecule.model.PropertyValue;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MoleculeRepository;
import org.cryoprotect.molecule.repository.ToxicityRepository;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ToxicityService {

    private final RlsTransactions transactions;
    private final LagTolerantReads reads;
    private final ToxicityRepository toxicity;
    private final MoleculeRepository molecules;

    public ToxicityService(RlsTransactions transactions, LagTolerantReads reads, ToxicityRepository toxicity, MoleculeRepository molecules) {
        this.transactions = transactions;
        this.reads = reads;
        this.toxicity = toxicity;
        this.molecules = molecules;
    }

    public Uni<Page<Toxicity>> search(Caller caller, ToxicitySearch search, int limit, Cursor after) {
        return reads.read(caller, db -> toxicity.search(db, search, limit, after));
    }

    /** One molecule's measurements; 404 when the molecule is not visible, so nothing leaks. */
    public Uni<Page<Toxicity>> forMolecule(Caller caller, UUID moleculeId, int limit, Cursor after) {
        return transactions.read(caller, db -> molecules.find(db, moleculeId).map(m -> Access.found(m, "Molecule"))
                .chain(() -> toxicity.search(db, new ToxicitySearch(moleculeId, null, null, null, null), limit, after)));
    }

    public Uni<List<ToxicitySummary>> summary(Caller caller, UUID moleculeId) {
        return transactions.read(caller, db -> molecules.find(db, moleculeId).map(m -> Access.found(m, "Molecule"))
                .chain(() -> toxicity.summary(db, moleculeId)));
    }

    public Uni<Toxicity> add(Caller caller, UUID moleculeId, ToxicityInput input) {
        String source = input.source() == null ? "manual" : input.source().trim();
        checkProvenance(source, input.reference());
        return transactions.write(caller, db -> molecules.find(db, moleculeId).map(m -> Access.found(m, "Molecule"))
                .chain(molecule -> {
                    ToxicityUnits.Normalized normalized = normalize(molecule, input.value(), input.unit().trim());
                    return toxicity.insert(db, moleculeId, input.endpoint().trim(), input.species(), input.route(),
                            input.value(), input.unit().trim(), normalized == null ? null : normalized.value(),
                            normalized == null ? null : normalized.unit(), source, input.reference(), caller.userId());
                })
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden(ToxicitySources.IMPORTED.contains(source) && !caller.isService()
                        ? "Only imports record " + source + " provenance; record your own measurements as manual or literature"
                        : "You may read this molecule but not add measurements to it")));
    }

    /** Changes a measurement: its creator may, while they may still change the molecule. */
    public Uni<Toxicity> update(Caller caller, UUID id, ToxicityPatch patch) {
        return transactions.write(caller, db -> toxicity.find(db, id).map(t -> Access.found(t, "Toxicity measurement"))
                .chain(current -> molecules.find(db, current.moleculeId()).map(Optional::orElseThrow).map(molecule -> {
                    double value = patch.value() == null ? current.value() : patch.value();
                    String unit = patch.unit() == null ? current.unit() : patch.unit().trim();
                    String reference = patch.reference() == null ? current.reference() : patch.reference();
                    checkProvenance(current.source(), reference);
                    ToxicityUnits.Normalized normalized = normalize(molecule, value, unit);
                    return new Toxicity(id, current.moleculeId(), patch.endpoint() == null ? current.endpoint() : patch.endpoint().trim(),
                            patch.species() == null ? current.species() : patch.species(),
                            patch.route() == null ? current.route() : patch.route(), value, unit,
                            normalized == null ? null : normalized.value(), normalized == null ? null : normalized.unit(),
                            current.source(), reference, current.createdBy(), current.createdAt());
                }))
                .chain(changed -> toxicity.update(db, changed).chain(updated -> updated
                        ? toxicity.find(db, id).map(Optional::orElseThrow)
                        : Uni.createFrom().failure(ProblemException.forbidden(CREATOR_ONLY)))));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        return transactions.write(caller, db -> toxicity.delete(db, id).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(toxicity.find(db, id), "Toxicity measurement", () -> CREATOR_ONLY)));
    }

    private static final String CREATOR_ONLY =
            "Only the measurement's creator changes or removes it, while they may change the molecule";

    private static void checkProvenance(String source, String reference) {
        if (!ToxicitySources.KNOWN.contains(source)) {
            throw ProblemException.invalidField("source", "must be one of " + ToxicitySources.KNOWN);
        }
        if ("literature".equals(source) && (reference == null || reference.isBlank())) {
            throw ProblemException.invalidField("reference", "a literature measurement needs its reference");
        }
    }

    private static ToxicityUnits.Normalized normalize(Molecule molecule, double value, String unit) {
        PropertyValue weight = molecule.properties().get("molecular_weight");
        return ToxicityUnits.normalize(value, unit, weight == null ? null : weight.value());
    }
}
