package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.cryoprotect.molecule.exchange.FileRecord;
import org.cryoprotect.molecule.exchange.Molfiles;
import org.cryoprotect.molecule.exchange.ParsedFile;
import org.cryoprotect.molecule.exchange.TooManyRecordsException;
import org.cryoprotect.molecule.model.BatchRecord;
import org.cryoprotect.molecule.model.BatchResult;
import org.cryoprotect.molecule.model.ImportResponse;
import org.cryoprotect.molecule.model.ImportResult;

import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * POST /api/molecules/import: SDF, SMILES and CSV files become molecules through the batch machinery
 * (the same record checks and CDK completion, the same writes): the caller's own private molecules, or
 * registry rows for the service role. Properties from a file are {@code manual}; a file never makes a
 * row public and never claims PubChem or ChEMBL provenance.
 *
 * <p>Fairness: records are read (CDK) and completed one per chemistry task, so each has the time budget
 * of its own and a huge record is rejected alone; at most {@link #inFlight} tasks of one import are
 * queued or running at a time (half the chemistry threads, at least one), so the pool's FIFO queue never
 * holds more than that of an import and interactive requests wait behind at most one record per
 * import, never behind the file. Records go in chunks of {@link #CHUNK}, each chunk written in one
 * transaction once read, so memory and transaction size stay bounded.
 */
@ApplicationScoped
public class MoleculeImportService {

    public static final int MAX_RECORDS = 10_000;
    static final int CHUNK = 200;

    private final BatchUpsertService batches;
    private final BatchRecordPreparer preparer;
    private final Molfiles molfiles;
    private final Chemistry chemistry;
    private final Vertx vertx;
    private final int inFlight;

    public MoleculeImportService(BatchUpsertService batches, BatchRecordPreparer preparer, Molfiles molfiles, Chemistry chemistry,
            ChemistryWorkers workers, Vertx vertx) {
        this.batches = batches;
        this.preparer = preparer;
        this.molfiles = molfiles;
        this.chemistry = chemistry;
        this.vertx = vertx;
        this.inFlight = Math.max(1, workers.threads() / 2);
    }

    public Uni<ImportResponse> importFile(Caller caller, FileFormat format, String text) {
        if (caller.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        return split(format, text).chain(file -> {
            if (file.records().isEmpty()) {
                return Uni.createFrom().failure(ProblemException.unprocessable("The file contains no records"));
            }
            Progress progress = new Progress();
            return Multi.createFrom().iterable(chunks(file.records()))
                    .onItem().transformToUniAndConcatenate(chunk -> importChunk(caller, chunk, progress))
                    .collect().last()
                    .map(ignored -> progress.response(format, file));
        });
    }

    /** Splitting is string work over up to the body limit (10 MiB): off the event loop, on a Vert.x worker. */
    private Uni<ParsedFile> split(FileFormat format, String text) {
        return Uni.createFrom().completionStage(() -> vertx.<ParsedFile>executeBlocking(() -> format.read(text, MAX_RECORDS), false)
                        .toCompletionStage())
                .onFailure(TooManyRecordsException.class).transform(e -> new ProblemException(
                        new Problem(413, "Content Too Large", e.getMessage())))
                .onFailure(IllegalArgumentException.class).transform(e -> ProblemException.unprocessable(
                        "The file cannot be read as " + format.name() + ": " + e.getMessage()));
    }

    private static List<List<FileRecord>> chunks(List<FileRecord> records) {
        List<List<FileRecord>> chunks = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            chunks.add(records.subList(from, Math.min(records.size(), from + CHUNK)));
        }
        return chunks;
    }

    private Uni<Void> importChunk(Caller caller, List<FileRecord> chunk, Progress progress) {
        return Multi.createFrom().iterable(chunk)
                .onItem().transformToUni(this::prepare).merge(inFlight)
                .collect().asList()
                .chain(prepared -> {
                    prepared.sort(Comparator.comparingInt(PreparedRecord::index));
                    List<PreparedRecord> toWrite = progress.firstOfEachStructure(prepared);
                    return batches.writeImported(caller, toWrite).invoke(progress::written);
                })
                .replaceWithVoid();
    }

    private Uni<PreparedRecord> prepare(FileRecord record) {
        if (record.problem() != null) {
            return Uni.createFrom().item(PreparedRecord.rejected(record.index(), record.problem()));
        }
        return chemistry.run(() -> {
            String smiles = record.molfile() != null ? molfiles.smilesOf(record.molfile()) : record.smiles();
            String name = record.name() != null ? record.name() : smiles;
            return preparer.prepare(record.index(), new BatchRecord("manual", null, name, smiles, null, null, null,
                    record.synonyms(), record.properties(), null));
        }).onFailure(InvalidStructureException.class)
                .recoverWithItem(e -> PreparedRecord.rejected(record.index(), Chemistry.reason((InvalidStructureException) e)));
    }

    /** Results so far, and the first record of each structure (a later one of the same structure is that row). */
    private static final class Progress {
        final Map<Integer, String> rejections = new HashMap<>();
        final Map<String, Integer> firstOfStructure = new HashMap<>();
        final Map<Integer, Integer> duplicateOf = new HashMap<>();
        final Map<Integer, BatchResult> written = new HashMap<>();

        List<PreparedRecord> firstOfEachStructure(List<PreparedRecord> prepared) {
            List<PreparedRecord> first = new ArrayList<>();
            for (PreparedRecord record : prepared) {
                if (record.rejection() != null) {
                    rejections.put(record.index(), record.rejection());
                    continue;
                }
                Integer earlier = firstOfStructure.putIfAbsent(record.inchikey(), record.index());
                if (earlier == null) {
                    first.add(record);
                } else {
                    duplicateOf.put(record.index(), earlier);
                }
            }
            return first;
        }

        void written(List<BatchResult> results) {
            results.forEach(r -> written.put(r.index(), r));
        }

        ImportResponse response(FileFormat format, ParsedFile file) {
            List<ImportResult> results = new ArrayList<>(file.records().size());
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("created", 0);
            counts.put("existing", 0);
            counts.put("rejected", 0);
            for (FileRecord record : file.records()) {
                ImportResult result = result(record);
                counts.merge(result.status(), 1, Integer::sum);
                results.add(result);
            }
            return new ImportResponse(format.name().toLowerCase(Locale.ROOT), results.size(), counts, results,
                    file.ignoredFields());
        }

        private ImportResult result(FileRecord record) {
            int index = record.index();
            if (rejections.containsKey(index)) {
                return new ImportResult(index, record.line(), null, "rejected", rejections.get(index));
            }
            Integer first = duplicateOf.get(index);
            if (first != null) {
                UUID id = written.containsKey(first) ? written.get(first).id() : null;
                return new ImportResult(index, record.line(), id, "existing", null);
            }
            BatchResult row = written.get(index);
            return new ImportResult(index, record.line(), row.id(), row.status(), null);
        }
    }
}
