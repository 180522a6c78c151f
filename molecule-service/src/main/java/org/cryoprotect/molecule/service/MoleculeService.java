package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.Molecule;
import org.cryoprotect.molecule.model.MoleculePatch;
import org.cryoprotect.molecule.model.MoleculePermissions;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.NewMolecule;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MoleculeRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;

@ApplicationScoped
public class MoleculeService {

    private final RlsTransactions transactions;
    private final MoleculeRepository molecules;
    private final Chemistry chemistry;
    private final PublicSummaryRefresher summary;
    private final StructureSearch structures;

    public MoleculeService(RlsTransactions transactions, MoleculeRepository molecules, Chemistry chemistry,
            PublicSummaryRefresher summary, StructureSearch structures) {
        this.transactions = transactions;
        this.structures = structures;
        this.molecules = molecules;
        this.chemistry = chemistry;
        this.summary = summary;
    }

    /**
     * The one way to search molecules, page by page (the list, its structure queries and the exports):
     * as the caller, under Row Level Security.
     */
    public Uni<JsonPage> search(Caller caller, MoleculeSearch search, int limit, Cursor after) {
        return structures.search(caller, search, limit, after);
    }

    public Uni<Molecule> get(Caller caller, UUID id) {
        return transactions.read(caller, db -> molecules.find(db, id)).map(row -> Access.found(row, "Molecule"));
    }

    /** What the caller may do with the molecule (404 when it cannot see it); the service role may do everything. */
    public Uni<MoleculePermissions> permissions(Caller caller, UUID id) {
        return transactions.read(caller, db -> molecules.right(db, id)).map(right -> {
            String found = Access.found(right, "Molecule");
            return MoleculePermissions.of(caller.isService() ? "manage" : found);
        });
    }

    /**
     * Creates a molecule with its computed properties. A structure that is already public, or
     * already the caller's own, is returned instead of duplicated. Service callers create registry
     * (public) entries.
     */
    public Uni<Created<Molecule>> create(Caller caller, NewMolecule request) {
        boolean isPublic = caller.isService() || Boolean.TRUE.equals(request.isPublic());
        return chemistry.compute(request.smiles()).chain(structure -> transactions.write(caller, db ->
                molecules.findVisibleByInchikey(db, structure.inchikey(), caller.userId()).chain(existing -> existing.isPresent()
                        ? molecules.find(db, existing.get()).map(m -> new Created<>(m.orElseThrow(), false))
                        : insert(db, caller, request, structure, isPublic).map(m -> new Created<>(m, true)))))
                .invoke(created -> {
                    if (created.isNew() && created.value().isPublic()) {
                        summary.requestRefresh();
                    }
                });
    }

    private Uni<Molecule> insert(SqlConnection db, Caller caller, NewMolecule request, ComputedStructure structure,
            boolean isPublic) {
        List<String> synonyms = new ArrayList<>();
        synonyms.add(request.name().trim());
        if (request.synonyms() != null) {
            synonyms.addAll(request.synonyms());
        }
        return molecules.insert(db, request.name().trim(), request.smiles().trim(), structure, isPublic, caller.userId())
                .call(id -> molecules.upsertProperties(db,
                        MoleculeRepository.propertyRows(id, structure.properties(), "cdk", structure.describes())))
                .call(id -> molecules.addSynonyms(db, MoleculeRepository.synonymRows(id, synonyms)))
                .chain(id -> molecules.find(db, id)).map(Optional::orElseThrow);
    }

    public Uni<Molecule> update(Caller caller, UUID id, MoleculePatch patch) {
        return transactions.write(caller, db -> molecules.find(db, id).map(row -> Access.found(row, "Molecule"))
                .call(current -> publishable(db, current, patch))
                .chain(current -> molecules.update(db, id, trimmed(patch.name()), patch.isPublic()))
                .call(updated -> updated ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.forbidden("You may read this molecule but not change it")))
                .onFailure(Access::isPolicyRefusal).transform(e -> ProblemException.forbidden(
                        "Only the creator and owners of a team it is shared with may publish or unpublish it"))
                .call(() -> patch.synonyms() == null ? Uni.createFrom().voidItem()
                        : molecules.replaceSynonyms(db, id, patch.synonyms()))
                .call(() -> patch.properties() == null ? Uni.createFrom().voidItem()
                        : molecules.upsertProperties(db, MoleculeRepository.propertyRows(id, patch.properties(), "manual")))
                .chain(() -> molecules.find(db, id)).map(Optional::orElseThrow))
                .invoke(summary::requestRefresh);
    }

    /** A private molecule cannot be published where its structure is already public: name that entry. */
    private Uni<Void> publishable(SqlConnection db, Molecule current, MoleculePatch patch) {
        if (!Boolean.TRUE.equals(patch.isPublic()) || current.isPublic()) {
            return Uni.createFrom().voidItem();
        }
        return molecules.findPublicByInchikey(db, current.inchikey()).map(existing -> {
            existing.ifPresent(publicId -> {
                throw ProblemException.conflict("This structure is already public as molecule " + publicId);
            });
            return null;
        });
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        return transactions.write(caller, db -> molecules.delete(db, id).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(molecules.find(db, id), "Molecule", () -> "You may read this molecule but not delete it")))
                .onFailure(PgException.class).transform(e -> "23503".equals(((PgException) e).getSqlState())
                        ? ProblemException.conflict("The molecule is a component of a mixture; remove it there first")
                        : e)
                .invoke(summary::requestRefresh);
    }

    /** Drawn only when the client's copy ({@code ifNoneMatch}) is not current. */
    public Uni<Depiction> depiction(Caller caller, UUID id, String ifNoneMatch) {
        return transactions.read(caller, db -> molecules.depictionSource(db, id))
                .map(source -> Access.found(source, "Molecule"))
                .chain(source -> {
                    String etag = Depiction.etagOf(source.smiles());
                    return Depiction.matches(ifNoneMatch, etag)
                            ? Uni.createFrom().item(new Depiction(etag, source.isPublic(), null))
                            : chemistry.depict(source.smiles()).map(svg -> new Depiction(etag, source.isPublic(), svg));
                });
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
