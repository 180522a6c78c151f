package org.cryoprotect.molecule.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the fields of an SD record or the columns of a CSV file mean, the same for both: {@code name},
 * {@code synonyms}, property values named like the molecule properties (with optional
 * {@code <property>.unit} / {@code .source} / {@code .describes} companions, as the export writes them), and
 * the identifiers the export adds, which an import ignores (a structure's identity is computed from the
 * structure, never taken from the file).
 */
public final class FileFields {

    /** Export columns that are not input: identity and cross-references are derived, not claimed. */
    static final Set<String> DERIVED = Set.of("id", "smiles", "canonical_smiles", "inchi", "inchikey", "parent_inchikey",
            "formula", "pubchem_cid", "chembl_id", "is_public", "created_by", "created_at", "updated_at", "similarity");
    public static final String OTHER_PROPERTIES = "other_properties";
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> COMPANIONS = Set.of("unit", "source", "describes");

    private FileFields() {
    }

    /**
     * The property values among {@code fields} (name → text as written). A value whose {@code .source}
     * says {@code cdk} is left out: CDK computes it again on import, so only values someone supplied
     * travel as supplied (and land as {@code manual}).
     */
    static Map<String, Object> properties(Map<String, String> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            if (value == null || value.isBlank() || !isProperty(field)) {
                return;
            }
            String source = fields.get(field + ".source");
            if (source != null && "cdk".equals(source.trim())) {
                return;
            }
            properties.put(field, value.trim());
        });
        return properties;
    }

    static boolean isProperty(String field) {
        return PROPERTY_NAME.matcher(field).matches() && !DERIVED.contains(field) && !"name".equals(field)
                && !"synonyms".equals(field) && !OTHER_PROPERTIES.equals(field);
    }

    /** Whether the field is neither name, synonyms, a property, its companion nor a derived column. */
    static boolean isUnknown(String field) {
        int dot = field.lastIndexOf('.');
        if (dot > 0 && COMPANIONS.contains(field.substring(dot + 1))) {
            return false;
        }
        return !isProperty(field) && !DERIVED.contains(field) && !"name".equals(field) && !"synonyms".equals(field)
                && !OTHER_PROPERTIES.equals(field);
    }

    /** Synonyms separated by ';' (a literal ';' or '\' written as "\;" and "\\", as the CSV export writes them). */
    static List<String> splitSynonyms(String text) {
        List<String> synonyms = new ArrayList<>();
        if (text == null) {
            return synonyms;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == ';') {
                add(synonyms, current);
            } else {
                current.append(c);
            }
        }
        add(synonyms, current);
        return synonyms;
    }

    public static String joinSynonyms(List<String> synonyms) {
        StringBuilder joined = new StringBuilder();
        for (String synonym : synonyms) {
            if (joined.length() > 0) {
                joined.append(';');
            }
            joined.append(synonym.replace("\\", "\\\\").replace(";", "\\;"));
        }
        return joined.toString();
    }

    private static void add(List<String> synonyms, StringBuilder current) {
        String synonym = current.toString().trim();
        if (!synonym.isEmpty()) {
            synonyms.add(synonym);
        }
        current.setLength(0);
    }
}
