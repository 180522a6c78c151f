package org.cryoprotect.molecule.service;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.exchange.ExportRows;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.cryoprotect.molecule.exchange.Molfiles;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.repository.Cursor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Every molecule a search matches, as SDF or CSV, streamed page by page through the one search
 * ({@link MoleculeService#search}: each page its own read transaction under the caller's RLS), so memory
 * holds one page whatever the result size. SDF records get 2D coordinates from CDK on the chemistry
 * threads, one molecule per task with at most half the threads per export (as imports), so an export
 * never holds the pool; a structure CDK cannot lay out is written without coordinates.
 */
@ApplicationScoped
public class MoleculeExportService {

    private final MoleculeService molecules;
    private final Molfiles molfiles;
    private final Chemistry chemistry;
    private final int pageSize;
    private final int inFlight;

    public MoleculeExportService(MoleculeService molecules, Molfiles molfiles, Chemistry chemistry, ChemistryWorkers workers,
            @ConfigProperty(name = "cryo.export.page-size", defaultValue = "500") int pageSize) {
        this.molecules = molecules;
        this.molfiles = molfiles;
        this.chemistry = chemistry;
        this.pageSize = pageSize;
        this.inFlight = Math.max(1, workers.threads() / 2);
    }

    /**
     * The export, once its first page is read: a search the database refuses fails here, before anything
     * is sent, so it is answered as a problem; later pages are read as the client takes the stream.
     */
    public Uni<Multi<String>> export(Caller caller, MoleculeSearch search, FileFormat format) {
        return molecules.search(caller, search, pageSize, null).map(first -> {
            Multi<String> body = pages(caller, search, first).onItem().transformToUniAndConcatenate(page -> render(page, format));
            return format == FileFormat.CSV
                    ? Multi.createBy().concatenating().streams(Multi.createFrom().item(ExportRows.csvHeader()), body)
                    : body;
        });
    }

    private Multi<JsonPage> pages(Caller caller, MoleculeSearch search, JsonPage first) {
        if (first.nextCursor() == null) {
            return Multi.createFrom().item(first);
        }
        AtomicReference<JsonPage> last = new AtomicReference<>(first);
        Multi<JsonPage> rest = Multi.createBy().repeating()
                .uni(() -> molecules.search(caller, search, pageSize, Cursor.decode(last.get().nextCursor())).invoke(last::set))
                .whilst(page -> page.nextCursor() != null);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), rest);
    }

    private Uni<String> render(JsonPage page, FileFormat format) {
        if (page.items().isEmpty()) {
            return Uni.createFrom().item("");
        }
        if (format == FileFormat.CSV) {
            StringBuilder rows = new StringBuilder(page.items().size() * 400);
            for (int i = 0; i < page.items().size(); i++) {
                rows.append(ExportRows.csvRow(page.item(i)));
            }
            return Uni.createFrom().item(rows.toString());
        }
        return Multi.createFrom().range(0, page.items().size())
                .onItem().transformToUni(i -> sdRecord(page.item(i)).map(record -> new Indexed(i, record)))
                .merge(inFlight)
                .collect().asList()
                .map(records -> {
                    String[] ordered = new String[records.size()];
                    records.forEach(r -> ordered[r.index()] = r.text());
                    return String.join("", ordered);
                });
    }

    private Uni<String> sdRecord(JsonObject molecule) {
        String smiles = molecule.getString("smiles");
        String name = molecule.getString("name");
        return chemistry.run(() -> molfiles.molfileOf(smiles, name, true))
                .onFailure(InvalidStructureException.class).recoverWithUni(e -> chemistry.run(() -> molfiles.molfileOf(smiles, name, false)))
                .onFailure(InvalidStructureException.class).recoverWithItem(e -> ExportRows.emptyMolfile(name))
                .map(molfile -> ExportRows.sdRecord(molfile, molecule));
    }

    private record Indexed(int index, String text) {
    }
}
