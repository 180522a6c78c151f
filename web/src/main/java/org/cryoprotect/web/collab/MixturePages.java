package org.cryoprotect.web.collab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.remote.Collaboration;
import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.session.CurrentRequest;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Mixtures: the ones the caller may see, composing a new one from components with concentrations
 * in any unit molecule-service accepts, and a mixture's components with their concentration
 * normalized to mol/L (computed by molecule-service from the molecular weight; empty where the unit
 * needs a density it does not have).
 */
@Path("/mixtures")
@Produces(MediaType.TEXT_HTML)
public class MixturePages {

    /** molecule-service's units (NewMixture), in the order a chemist reaches for them. */
    public static final List<String> UNITS = List.of("mol/L", "mmol/L", "umol/L", "%w/v", "%v/v", "%w/w", "g/L", "mg/mL", "g/mL");
    static final int ROWS = 5;

    public record MixtureRow(String id, String name, int components, boolean isPublic) {
    }

    public record ComponentRow(String moleculeId, String moleculeName, String concentration, String unit, String molPerL, String role) {
    }

    public record MixtureView(String id, String name, String description, boolean isPublic, List<ComponentRow> components) {
    }

    /** One row of the compose form as typed, so a refused form comes back as it was. */
    public record Draft(int index, String molecule, String concentration, String unit) {
        public int number() {
            return index + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mixtures(List<MixtureRow> mixtures, String q, String name, List<Draft> drafts,
                List<String> units, String error);

        static native TemplateInstance mixture(MixtureView mixture, String notice);
    }

    private final Collaboration collaboration;
    private final CurrentRequest current;

    public MixturePages(Collaboration collaboration, CurrentRequest current) {
        this.collaboration = collaboration;
        this.current = current;
    }

    @GET
    public Uni<Response> mixtures(@RestQuery String q) {
        String token = current.requireSession().accessToken();
        return listPage(token, q, "", emptyDrafts(), null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> Uni.createFrom().item(
                        Templates.mixtures(List.of(), q, "", emptyDrafts(), UNITS, reason))));
    }

    private Uni<TemplateInstance> listPage(String token, String q, String name, List<Draft> drafts, String error) {
        return collaboration.mixtures(token, q).map(page -> Templates.mixtures(Html.items(page).stream()
                .map(m -> new MixtureRow(Html.text(m, "id"), Html.text(m, "name"), m.path("components").size(),
                        m.path("is_public").asBoolean()))
                .toList(), q == null ? "" : q, name, drafts, UNITS, error));
    }

    /** Rows with a molecule become components; each molecule is named by its id or its name. */
    @POST
    public Uni<Response> compose(MultivaluedMap<String, String> form) {
        String token = current.requireSession().accessToken();
        String name = form.getFirst("name") == null ? "" : form.getFirst("name").trim();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            drafts.add(new Draft(i, value(form, "molecule_" + i), value(form, "concentration_" + i), value(form, "unit_" + i)));
        }
        List<Draft> used = drafts.stream().filter(d -> !d.molecule().isBlank()).toList();
        String problem = name.isEmpty() ? "A mixture needs a name."
                : used.isEmpty() ? "Add at least one component: a molecule and its concentration."
                : used.stream().filter(d -> number(d.concentration()) == null).findFirst()
                        .map(d -> "Component " + (d.index() + 1) + " (" + d.molecule() + "): the concentration must be a number.").orElse(null);
        if (problem != null) {
            return listPage(token, null, name, drafts, problem).map(p -> Html.page(400, p));
        }
        List<Uni<Map<String, Object>>> components = used.stream().map(d -> resolve(token, d.molecule()).map(id -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("molecule_id", id);
            component.put("concentration", number(d.concentration()));
            component.put("unit", d.unit());
            return component;
        })).toList();
        return Uni.join().all(components).andFailFast()
                .chain(list -> collaboration.createMixture(token, name, list))
                .map(created -> Html.seeOther("/mixtures/" + Html.text(created, "id") + "?notice=created"))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> listPage(token, null, name, drafts, reason)));
    }

    @GET
    @Path("{id}")
    public Uni<Response> mixture(@RestPath String id, @RestQuery String notice) {
        String token = current.requireSession().accessToken();
        return collaboration.mixture(token, id).map(m -> Html.page(200, Templates.mixture(view(m),
                        "created".equals(notice) ? "Mixture created." : null)))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> listPage(token, null, "", emptyDrafts(), reason)));
    }

    private static MixtureView view(JsonNode m) {
        List<ComponentRow> rows = Html.items(m.path("components")).stream().map(c -> new ComponentRow(
                Html.text(c, "molecule_id"), Html.text(c, "molecule_name"), decimal(c.path("concentration")), Html.text(c, "unit"),
                c.path("concentration_mol_per_l").isNumber() ? decimal(c.path("concentration_mol_per_l")) : null,
                Html.text(c, "role"))).toList();
        return new MixtureView(Html.text(m, "id"), Html.text(m, "name"), Html.text(m, "description"), m.path("is_public").asBoolean(), rows);
    }

    private Uni<String> resolve(String token, String molecule) {
        try {
            return Uni.createFrom().item(java.util.UUID.fromString(molecule).toString());
        } catch (IllegalArgumentException notAnId) {
            return collaboration.findMolecules(token, molecule, 50).map(page -> {
                List<JsonNode> found = Html.items(page);
                return found.stream().filter(m -> molecule.equalsIgnoreCase(Html.text(m, "name"))).findFirst()
                        .or(() -> found.stream().findFirst()).map(m -> Html.text(m, "id"))
                        .orElseThrow(() -> new RemoteProblem(404, "Not found", "No molecule you can see is called \"" + molecule + "\"."));
            });
        }
    }

    static String decimal(JsonNode number) {
        double value = number.asDouble();
        return value == 0 ? "0" : Math.abs(value) >= 0.001 && Math.abs(value) < 1e6
                ? new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.3e", value);
    }

    private static List<Draft> emptyDrafts() {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            drafts.add(new Draft(i, "", "", "mol/L"));
        }
        return drafts;
    }

    private static String value(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.trim();
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
