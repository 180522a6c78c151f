package org.cryoprotect.molecule.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.service.MoleculeConfig;

/**
 * Parses path and query parameters by hand, so a malformed value is a 400 naming the parameter
 * (JAX-RS would turn a failed conversion into a bare 404).
 */
@ApplicationScoped
public class RequestParams {

    private static final int MAX_TEXT = 200;
    /** Longer structures are refused by CDK's limits anyway (cryo.chemistry.max-smiles-length). */
    private static final int MAX_STRUCTURE = 4000;
    private static final Pattern INCHIKEY = Pattern.compile("[A-Z]{14}-[A-Z]{10}-[A-Z]");

    private final MoleculeConfig config;

    public RequestParams(MoleculeConfig config) {
        this.config = config;
    }

    public int limit(String value) {
        if (value == null || value.isBlank()) {
            return config.defaultPageSize();
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= config.maxPageSize()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + config.maxPageSize());
    }

    public static UUID id(String name, String value) {
        UUID id = optionalId(name, value);
        if (id == null) {
            throw ProblemException.invalidField(name, "is required");
        }
        return id;
    }

    public static UUID optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (id.toString().equalsIgnoreCase(value.trim())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalidField(name, "must be a UUID");
    }

    public static Double number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(name, "must be a number");
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    /** The molecule filters of GET /api/molecules, wherever they apply. */
    public static MoleculeSearch moleculeSearch(String q, String formula, String inchikey, String mwMin, String mwMax,
            String logpMin, String logpMax, String tpsaMax, String projectId) {
        return new MoleculeSearch(text("q", q), text("formula", formula), text("inchikey", inchikey),
                number("mw_min", mwMin), number("mw_max", mwMax), number("logp_min", logpMin), number("logp_max", logpMax),
                number("tpsa_max", tpsaMax), optionalId("project_id", projectId));
    }

    /** The molecule filters with the structure filters of GET /api/molecules. */
    public static MoleculeSearch moleculeSearch(String q, String formula, String inchikey, String mwMin, String mwMax,
            String logpMin, String logpMax, String tpsaMax, String projectId, String parentInchikey, String exact,
            String substructure, String similarTo, String minSimilarity) {
        String similar = structure("similar_to", similarTo);
        Double threshold = number("min_similarity", minSimilarity);
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw ProblemException.invalidField("min_similarity", "must be a number from 0 to 1");
        }
        if (threshold != null && similar == null) {
            throw ProblemException.invalidField("min_similarity", "applies to similar_to, which is missing");
        }
        String parentKey = text("parent_inchikey", parentInchikey);
        if (parentKey != null && !INCHIKEY.matcher(parentKey).matches()) {
            throw ProblemException.invalidField("parent_inchikey", "must be an InChIKey (XXXXXXXXXXXXXX-XXXXXXXXXX-X)");
        }
        MoleculeSearch base = moleculeSearch(q, formula, inchikey, mwMin, mwMax, logpMin, logpMax, tpsaMax, projectId);
        return new MoleculeSearch(base.text(), base.formula(), base.inchikey(), base.mwMin(), base.mwMax(), base.logpMin(),
                base.logpMax(), base.tpsaMax(), base.projectId(), parentKey, structure("exact", exact),
                structure("substructure", substructure), similar,
                similar == null ? null : threshold == null ? MoleculeSearch.DEFAULT_MIN_SIMILARITY : threshold);
    }

    /** A SMILES or SMARTS query, checked by CDK later (a 422 when it does not parse). */
    public static String structure(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String structure = value.trim();
        if (structure.length() > MAX_STRUCTURE) {
            throw ProblemException.invalidField(name, "must be at most " + MAX_STRUCTURE + " characters");
        }
        return structure;
    }

    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField(name, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
