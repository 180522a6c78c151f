package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicityInput;
import org.cryoprotect.molecule.model.ToxicityPatch;
import org.cryoprotect.molecule.model.ToxicityRanking;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicitySummary;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MoleculeRepository;
import org.cryoprotect.molecule.repository.ToxicityRankingRepository;
import org.cryoprotect.molecule.repository.ToxicityRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

@ApplicationScoped
public class ToxicityService {

    private final RlsTransactions transactions;
    private final LagTolerantReads reads;
    private final ToxicityRepository toxicity;
    private final ToxicityRankingRepository rankings;
    private final MoleculeRepository molecules;

    public ToxicityService(RlsTransactions transactions, LagTolerantReads reads, ToxicityRepository toxicity,
            ToxicityRankingRepository rankings, MoleculeRepository molecules) {
        this.transactions = transactions;
        this.reads = reads;
        this.toxicity = toxicity;
        this.rankings = rankings;
        this.molecules = molecules;
    }

    public Uni<Page<Toxicity>> search(Caller caller, ToxicitySearch search, int limit, Cursor after) {
        return reads.read(caller, db -> toxicity.search(db, search, limit, after));
    }

    /** One molecule's measurements; 404 when the molecule is not visible, so nothing leaks. */
    public Uni<Page<Toxicity>> forMolecule(Caller caller, UUID moleculeId, int limit, Cursor after) {
        return transactions.read(caller, db -> molecularWeight(db, moleculeId)
                .chain(() -> toxicity.search(db, ToxicitySearch.ofMolecule(moleculeId), limit, after)));
    }

    public Uni<ToxicitySummary> summary(Caller caller, UUID moleculeId) {
        return transactions.read(caller, db -> toxicity.summary(db, moleculeId)).map(s -> Access.found(s, "Molecule"));
    }

    /** Molecules the caller may see, filtered like GET /api/molecules, ranked by a toxicity statistic. */
    public Uni<JsonPage> rank(Caller caller, ToxicityRanking ranking, MoleculeSearch filters, int limit,
            Cursor after) {
        return reads.read(caller, db -> rankings.rank(db, ranking, filters, limit, after));
    }

    public Uni<Toxicity> add(Caller caller, UUID moleculeId, ToxicityInput input) {
        String source = input.source() == null ? "manual" : input.source().trim();
        checkProvenance(source, input.reference());
        return transactions.write(caller, db -> molecularWeight(db, moleculeId)
                .chain(weight -> toxicity.insert(db, moleculeId, MeasurementColumns.of(input.endpoint(), input.relation(),
                                input.value(), input.unit(), input.species(), input.route(), input.exposure(), weight.orElse(null)).toRow(),
                        source, input.reference(), caller.userId()))
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden(ToxicitySources.IMPORTED.contains(source) && !caller.isService()
                        ? "Only imports record " + source + " provenance; record your own measurements as manual or literature"
                        : "You may read this molecule but not add measurements to it")));
    }

    /** Changes a measurement: its creator may, while they may still change the molecule. */
    public Uni<Toxicity> update(Caller caller, UUID id, ToxicityPatch patch) {
        return transactions.write(caller, db -> toxicity.find(db, id).map(t -> Access.found(t, "Toxicity measurement"))
                .chain(current -> molecularWeight(db, current.moleculeId()).chain(weight -> {
                    String reference = patch.reference() == null ? current.reference() : patch.reference();
                    checkProvenance(current.source(), reference);
                    if (current.unparsedReason() != null) {
                        throw ProblemException.conflict("A measurement whose text did not parse is changed by its import only");
                    }
                    MeasurementColumns changed = MeasurementColumns.of(
                            patch.endpoint() == null ? current.endpoint() : patch.endpoint(),
                            patch.relation() == null ? current.relation() : patch.relation(),
                            patch.value() == null ? current.value() : patch.value(),
                            patch.unit() == null ? current.unit() : patch.unit(),
                            patch.species() == null ? current.speciesReported() : patch.species(),
                            patch.route() == null ? current.routeReported() : patch.route(),
                            patch.exposure() == null ? current.exposure() : patch.exposure(), weight.orElse(null));
                    return toxicity.update(db, id, changed.toRow(), reference);
                }))
                .onFailure(Access::isPolicyRefusal).transform(e -> ProblemException.forbidden(CREATOR_ONLY))
                .chain(updated -> updated
                        ? toxicity.find(db, id).map(Optional::orElseThrow)
                        : Uni.createFrom().failure(ProblemException.forbidden(CREATOR_ONLY))));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        return transactions.write(caller, db -> toxicity.delete(db, id).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(toxicity.find(db, id), "Toxicity measurement", () -> CREATOR_ONLY)));
    }

    private static final String CREATOR_ONLY =
            "Only the measurement's creator changes or removes it, while they may change the molecule";

    /** The molecule's molecular weight (empty when it has none); 404 when the molecule is not visible. */
    private Uni<Optional<Double>> molecularWeight(SqlConnection db, UUID moleculeId) {
        return molecules.molecularWeights(db, List.of(moleculeId)).map(weights -> Access.found(
                Optional.ofNullable(weights.get(moleculeId)), "Molecule"));
    }

    private static void checkProvenance(String source, String reference) {
        if (!ToxicitySources.KNOWN.contains(source)) {
            throw ProblemException.invalidField("source", "must be one of " + ToxicitySources.KNOWN);
        }
        if ("literature".equals(source) && (reference == null || reference.isBlank())) {
            throw ProblemException.invalidField("reference", "a literature measurement needs its reference");
        }
    }
}
