package org.cryoprotect.molecule.files;

import static io.restassured.RestAssured.given;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cryoprotect.molecule.Api;
import org.openscience.cdk.io.MDLV3000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Sending and reading exchange files in tests, without the service's own readers. */
final class Files {

    static final String SDF = "chemical/x-mdl-sdfile";
    private static final Pattern TAG = Pattern.compile("> +<([^>]+)>\\r?\\n(.*?)\\r?\\n\\r?\\n", Pattern.DOTALL);

    private Files() {
    }

    static RequestSpecification as(Api api) {
        RequestSpecification spec = given();
        return api.token() == null ? spec : spec.auth().oauth2(api.token());
    }

    static Response upload(Api api, String contentType, String body) {
        return as(api).contentType(contentType + "; charset=UTF-8").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/molecules/import");
    }

    static String export(Api api, String query) {
        Response response = as(api).urlEncodingEnabled(false).get("/api/molecules?" + query);
        response.then().statusCode(200);
        return new String(response.asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** SD records by their inchikey tag: tag name → value. */
    static Map<String, Map<String, String>> sdRecordsByInchikey(String sdf) {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        for (String record : sdf.split("\\$\\$\\$\\$\\r?\\n")) {
            if (record.isBlank()) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            Matcher m = TAG.matcher(record);
            while (m.find()) {
                tags.put(m.group(1), m.group(2));
            }
            records.put(tags.get("inchikey"), tags);
        }
        return records;
    }

    static int sdRecordCount(String sdf) {
        return sdf.split("\\$\\$\\$\\$\\r?\\n", -1).length - 1;
    }

    /** Property values (and units) of an SD record, without provenance: what a round trip must keep. */
    static Map<String, String> propertyValues(Map<String, String> tags) {
        Map<String, String> values = new LinkedHashMap<>();
        tags.forEach((tag, value) -> {
            if (tag.matches("[a-z][a-z0-9_]*") && !List.of("id", "name", "inchikey", "parent_inchikey", "formula", "synonyms",
                    "pubchem_cid", "chembl_id").contains(tag)) {
                values.put(tag, value + " " + tags.getOrDefault(tag + ".unit", ""));
            }
        });
        return values;
    }

    /** CSV rows (RFC 4180) as maps by header; a tiny reader of its own so the service's is not tested by itself. */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        List<Map<String, String>> maps = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < rows.get(0).size(); i++) {
                map.put(rows.get(0).get(i), r.get(i));
            }
            maps.add(map);
        }
        return maps;
    }

    /** A V3000 SD record of {@code smiles}, laid out and written by CDK, with a name tag. */
    static String v3000Record(String smiles, String name) {
        try {
            var molecule = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
            new StructureDiagramGenerator().generateCoordinates(molecule);
            molecule.setTitle(name);
            StringWriter out = new StringWriter();
            try (MDLV3000Writer writer = new MDLV3000Writer(out)) {
                writer.write(molecule);
            }
            return out + "> <name>\n" + name + "\n\n$$$$\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
