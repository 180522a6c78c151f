package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.ToxicityUnits;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicityInput;
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
        return transactions.write(caller, db -> molecules.find(db, moleculeId).map(m -> Access.found(m, "Molecule"))
                .chain(molecule -> {
                    PropertyValue weight = molecule.properties().get("molecular_weight");
                    ToxicityUnits.Normalized normalized = ToxicityUnits.normalize(input.value(), input.unit().trim(),
                            weight == null ? null : weight.value());
                    return toxicity.insert(db, moleculeId, input.endpoint().trim(), input.species(), input.route(),
                            input.value(), input.unit().trim(), normalized == null ? null : normalized.value(),
                            normalized == null ? null : normalized.unit(), input.source() == null ? "manual" : input.source(),
                            input.reference(), caller.userId());
                })
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden("You may read this molecule but not add measurements to it")));
    }
}
