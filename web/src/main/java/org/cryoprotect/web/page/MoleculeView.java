package org.cryoprotect.web.page;

import java.util.Comparator;
import java.util.List;

import org.cryoprotect.web.model.Mixture;
import org.cryoprotect.web.model.Molecule;
import org.cryoprotect.web.model.Permissions;
import org.cryoprotect.web.model.Project;
import org.cryoprotect.web.model.Toxicity;

/** Everything the molecule page shows, gathered from molecule-service as the user. */
public record MoleculeView(Molecule molecule, Permissions can, List<Toxicity> toxicity, List<ToxicityChart.Chart> charts,
        List<Mixture> mixtures, List<Project> projects, String error, String notice) {

    /** One property with its provenance. */
    public record PropertyRow(String name, String value, String unit, String source, String describes) {
    }

    public List<PropertyRow> properties() {
        return molecule.propertyMap().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new PropertyRow(e.getKey().replace('_', ' '), e.getValue().display(), e.getValue().unit() == null ? "" : e.getValue().unit(),
                        e.getValue().source(), e.getValue().describes() == null ? "molecule" : e.getValue().describes()))
                .toList();
    }

    public List<Toxicity> toxicitySorted() {
        return toxicity.stream().sorted(Comparator.comparing((Toxicity t) -> String.valueOf(t.endpoint()))
                .thenComparing(t -> String.valueOf(t.speciesShown()))).toList();
    }

    public String number(Double value) {
        return value == null ? "" : ToxicityChart.number(value);
    }

    MoleculeView withMessages(String error, String notice) {
        return new MoleculeView(molecule, can, toxicity, charts, mixtures, projects, error, notice);
    }
}
