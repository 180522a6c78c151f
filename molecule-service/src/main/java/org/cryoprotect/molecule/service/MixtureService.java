package org.cryoprotect.molecule.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.Concentrations;
import org.cryoprotect.molecule.model.Mixture;
import org.cryoprotect.molecule.model.MixturePatch;
import org.cryoprotect.molecule.model.NewMixture;
import org.cryoprotect.molecule.model.NewMixture.NewComponent;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MixtureRepository;
import org.cryoprotect.molecule.repository.MoleculeRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Mixtures of visible molecules, with concentrations normalized to mol/L where the units allow. */
@ApplicationScoped
public class MixtureService {

    private final RlsTransactions transactions;
    private final MixtureRepository mixtures;
    private final MoleculeRepository molecules;

    public MixtureService(RlsTransactions transactions, MixtureRepository mixtures, MoleculeRepository molecules) {
        this.transactions = transactions;
        this.mixtures = mixtures;
        this.molecules = molecules;
    }

    public Uni<Page<Mixture>> list(Caller caller, String text, int limit, Cursor after) {
        return transactions.read(caller, db -> mixtures.list(db, text, limit, after));
    }

    public Uni<Mixture> get(Caller caller, UUID id) {
        return transactions.read(caller, db -> mixtures.find(db, id)).map(m -> Access.found(m, "Mixture"));
    }

    public Uni<Mixture> create(Caller caller, NewMixture request) {
        if (caller.isAnonymous()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Sign in to create mixtures"));
        }
        checkDistinct(request.components());
        boolean isPublic = caller.isService() || Boolean.TRUE.equals(request.isPublic());
        return transactions.write(caller, db -> components(db, request.components())
                .chain(rows -> mixtures.insert(db, request.name().trim(), request.description(), request.reference(),
                                isPublic, caller.userId())
                        .call(id -> mixtures.replaceComponents(db, id, rows)))
                .chain(id -> mixtures.find(db, id)).map(Optional::orElseThrow));
    }

    public Uni<Mixture> update(Caller caller, UUID id, MixturePatch patch) {
        if (patch.components() != null) {
            checkDistinct(patch.components());
        }
        return transactions.write(caller, db -> mixtures.find(db, id).map(m -> Access.found(m, "Mixture"))
                .chain(() -> mixtures.update(db, id, patch.name() == null ? null : patch.name().trim(), patch.description(),
                        patch.reference(), patch.isPublic()))
                .call(updated -> updated ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.forbidden("You may read this mixture but not change it")))
                .onFailure(Access::isPolicyRefusal).transform(e -> ProblemException.forbidden(
                        "Only the creator and owners of a team it is shared with may publish or unpublish it"))
                .call(() -> patch.components() == null ? Uni.createFrom().voidItem()
                        : components(db, patch.components()).chain(rows -> mixtures.replaceComponents(db, id, rows)))
                .chain(() -> mixtures.find(db, id)).map(Optional::orElseThrow));
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        return transactions.write(caller, db -> mixtures.delete(db, id).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(mixtures.find(db, id), "Mixture", () -> "You may read this mixture but not delete it")));
    }

    /** Component rows with mol/L computed; every molecule must be visible to the caller. */
    private Uni<JsonArray> components(SqlConnection db, List<NewComponent> components) {
        List<UUID> ids = components.stream().map(NewComponent::moleculeId).toList();
        return molecules.molecularWeights(db, ids).map(weights -> {
            JsonArray rows = new JsonArray();
            for (NewComponent c : components) {
                Optional<Double> weight = weightOf(weights, c.moleculeId());
                rows.add(new JsonObject().put("molecule_id", c.moleculeId().toString())
                        .put("concentration", c.concentration()).put("unit", c.unit())
                        .put("concentration_mol_per_l", Concentrations.toMolPerLitre(c.concentration(), c.unit(), weight.orElse(null)))
                        .put("role", c.role()));
            }
            return rows;
        });
    }

    private static Optional<Double> weightOf(Map<UUID, Optional<Double>> weights, UUID moleculeId) {
        Optional<Double> weight = weights.get(moleculeId);
        if (weight == null) {
            throw ProblemException.notFound("Molecule " + moleculeId + " not found");
        }
        return weight;
    }

    private static void checkDistinct(List<NewComponent> components) {
        if (new HashSet<>(components.stream().map(NewComponent::moleculeId).toList()).size() != components.size()) {
            throw ProblemException.invalidField("components", "each molecule may appear once");
        }
    }
}
