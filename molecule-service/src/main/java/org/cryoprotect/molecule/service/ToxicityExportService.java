package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.exchange.Csv;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.repository.Cursor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Every measurement a toxicity search matches, as CSV, page by page through {@link ToxicityService#search}. */
@ApplicationScoped
public class ToxicityExportService {

    static final List<String> COLUMNS = List.of("id", "molecule_id", "endpoint", "relation", "value", "unit", "normalized_value",
            "normalized_unit", "normalization_note", "species", "species_reported", "route", "route_reported", "exposure",
            "exposure_hours", "source", "source_record", "reference", "original_text", "parsed", "unparsed_reason", "details",
            "created_by", "created_at");

    private final ToxicityService toxicity;
    private final int pageSize;

    public ToxicityExportService(ToxicityService toxicity,
            @ConfigProperty(name = "cryo.export.page-size", defaultValue = "500") int pageSize) {
        this.toxicity = toxicity;
        this.pageSize = pageSize;
    }

    /** As {@link MoleculeExportService#export}: the first page read before anything is sent. */
    public Uni<Multi<String>> csv(Caller caller, ToxicitySearch search) {
        return toxicity.search(caller, search, pageSize, null).map(first -> {
            Csv header = new Csv();
            COLUMNS.forEach(header::add);
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(header.line()),
                    pages(caller, search, first).map(ToxicityExportService::rows));
        });
    }

    private Multi<Page<Toxicity>> pages(Caller caller, ToxicitySearch search, Page<Toxicity> first) {
        if (first.nextCursor() == null) {
            return Multi.createFrom().item(first);
        }
        AtomicReference<Page<Toxicity>> last = new AtomicReference<>(first);
        Multi<Page<Toxicity>> rest = Multi.createBy().repeating()
                .uni(() -> toxicity.search(caller, search, pageSize, Cursor.decode(last.get().nextCursor())).invoke(last::set))
                .whilst(page -> page.nextCursor() != null);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), rest);
    }

    private static String rows(Page<Toxicity> page) {
        StringBuilder rows = new StringBuilder(page.items().size() * 300);
        for (Toxicity t : page.items()) {
            rows.append(new Csv().add(t.id()).add(t.moleculeId()).add(t.endpoint()).add(t.relation()).add(t.value()).add(t.unit())
                    .add(t.normalizedValue()).add(t.normalizedUnit()).add(t.normalizationNote()).add(t.species())
                    .add(t.speciesReported()).add(t.route()).add(t.routeReported()).add(t.exposure()).add(t.exposureHours())
                    .add(t.source()).add(t.sourceRecord()).add(t.reference()).add(t.originalText()).add(t.isParsed())
                    .add(t.unparsedReason()).add(t.details() == null || t.details().isEmpty() ? null : new JsonObject(t.details()).encode())
                    .add(t.createdBy()).add(t.createdAt()).line());
        }
        return rows.toString();
    }
}
