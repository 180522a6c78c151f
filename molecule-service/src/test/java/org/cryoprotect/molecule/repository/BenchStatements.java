package org.cryoprotect.molecule.repository;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.ToxicityRanking;
import org.cryoprotect.molecule.service.ToxicityTerms;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The SQL molecule-service sends for a benchmark's requests, captured from the repositories
 * themselves through a recording SqlClient: the same text and the same parameters, whatever the code is
 * today, so pgbench runs exactly what the service runs (deploy/bench: the read benchmarks and the
 * structure benchmark). For each request it writes
 * <ul>
 * <li>LABEL.sql: the statement, $n turned into pgbench's :pn;</li>
 * <li>LABEL.vars: its parameters, one "pn=value" a line;</li>
 * <li>LABEL-pgbench.sql: the whole read transaction as {@link RlsTransactions} runs it: "begin read only"
 * and {@link RlsTransactions#SET_CALLER} pipelined (variables :role, :sub, :claims, :timeout), the
 * statement, commit.</li>
 * </ul>
 *
 * <pre>
 *   java -cp ... org.cryoprotect.molecule.repository.BenchStatements reads OUT_DIR LIMIT LABEL=REQUEST...
 *   java -cp ... org.cryoprotect.molecule.repository.BenchStatements structures QUERIES_TSV OUT_DIR LIMIT CHUNK
 * </pre>
 *
 * A REQUEST of {@code reads} is one of
 * <ul>
 * <li>{@code list}: GET /api/molecules;</li>
 * <li>{@code search:TEXT}: GET /api/molecules?q=TEXT;</li>
 * <li>{@code ranking:ENDPOINT:SPECIES:ROUTE[:TEXT]}: GET /api/toxicity/ranking with those filters (unit,
 * statistic and order their defaults), and q=TEXT when given;</li>
 * <li>{@code summary:MOLECULE_ID}: GET /api/toxicity/summary?molecule_id=MOLECULE_ID.</li>
 * </ul>
 * QUERIES_TSV of {@code structures} is StructureRegistryGenerator's queries.tsv (label, kind, text,
 * fingerprint hex, ...): a similarity query's page (the whole request: its one statement), or a
 * substructure query's first chunk of screened candidates (MoleculeRepository.candidates, no cursor),
 * the SQL side of the page's first round; the service then matches them with CDK, may read further
 * chunks, and reads the matched rows' JSON.
 */
public final class BenchStatements {

    private static final MoleculeRepository MOLECULES = new MoleculeRepository(new ObjectMapper());

    private BenchStatements() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "reads" -> reads(Path.of(args[1]), Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
            case "structures" -> structures(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("usage: BenchStatements reads OUT_DIR LIMIT LABEL=REQUEST... | "
                    + "structures QUERIES_TSV OUT_DIR LIMIT CHUNK");
        }
    }

    private static void reads(Path out, int limit, String[] requests) throws IOException {
        for (String labelled : requests) {
            String label = labelled.substring(0, labelled.indexOf('='));
            String[] request = labelled.substring(label.length() + 1).split(":");
            Recorder recorder = new Recorder();
            SqlClient db = recorder.client();
            Uni<?> sent = switch (request[0]) {
                case "list" -> MOLECULES.search(db, text(null), limit, null);
                case "search" -> MOLECULES.search(db, text(request[1]), limit, null);
                case "ranking" -> new ToxicityRankingRepository().rank(db, new ToxicityRanking(request[1], request[2], request[3],
                        ToxicityTerms.defaultUnit(request[1]).orElseThrow(), ToxicityRanking.Statistic.MEDIAN, true),
                        text(request.length > 4 ? request[4] : null), limit, null);
                case "summary" -> new ToxicityRepository().summary(db, UUID.fromString(request[1]));
                default -> throw new IllegalArgumentException(labelled + ": unknown request " + request[0]);
            };
            sent.subscribe().with(ignored -> { }, ignored -> { });
            recorder.write(out, label);
        }
    }

    private static MoleculeSearch text(String text) {
        return new MoleculeSearch(text, null, null, null, null, null, null, null, null);
    }

    private static void structures(Path queries, Path out, int limit, int chunk) throws IOException {
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String label = f[0];
            String[] kind = f[1].split(":");
            String text = f[2];
            Fingerprint fp = f[3].equals("\\N") ? null : Fingerprint.fromHex(f[3]);
            Recorder recorder = new Recorder();
            if (kind[0].equals("similarity")) {
                double threshold = Double.parseDouble(kind[1]);
                MoleculeSearch search = new MoleculeSearch(null, null, null, null, null, null, null, null, null, null, null,
                        null, text, threshold);
                MOLECULES.search(recorder.client(), search, new StructureFilter(null, fp, threshold, false, null), limit, null)
                        .subscribe().with(ignored -> { }, ignored -> { });
            } else {
                MoleculeSearch search = new MoleculeSearch(null, null, null, null, null, null, null, null, null, null, null,
                        text, null, null);
                MOLECULES.candidates(recorder.client(), search, new StructureFilter(null, null, 0, true, fp), null, chunk)
                        .subscribe().with(ignored -> { }, ignored -> { });
            }
            recorder.write(out, label);
        }
    }

    /** A SqlClient that records the one prepared statement and its parameters, and answers with a failure. */
    private static final class Recorder {
        final AtomicReference<String> sql = new AtomicReference<>();
        final AtomicReference<io.vertx.sqlclient.Tuple> tuple = new AtomicReference<>();

        SqlClient client() {
            io.vertx.sqlclient.PreparedQuery<?> prepared = (io.vertx.sqlclient.PreparedQuery<?>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {io.vertx.sqlclient.PreparedQuery.class}, (proxy, method, margs) -> {
                        if (method.getName().equals("execute") && margs != null && margs.length >= 1
                                && margs[0] instanceof io.vertx.sqlclient.Tuple t) {
                            tuple.set(t);
                            Future<Object> failed = Future.failedFuture("recorded, not executed");
                            if (margs.length == 2 && margs[1] instanceof Handler<?> handler) {
                                @SuppressWarnings("unchecked")
                                Handler<AsyncResult<Object>> h = (Handler<AsyncResult<Object>>) handler;
                                h.handle(failed);
                                return null;
                            }
                            return failed;
                        }
                        throw new UnsupportedOperationException("bench recorder: " + method.getName());
                    });
            io.vertx.sqlclient.SqlClient core = (io.vertx.sqlclient.SqlClient) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {io.vertx.sqlclient.SqlClient.class}, (proxy, method, margs) -> {
                        if (method.getName().equals("preparedQuery") && margs != null && margs.length >= 1) {
                            if (sql.getAndSet((String) margs[0]) != null) {
                                throw new IllegalStateException("the request sends more than one statement");
                            }
                            return prepared;
                        }
                        throw new UnsupportedOperationException("bench recorder: " + method.getName());
                    });
            return SqlClient.newInstance(core);
        }

        void write(Path out, String label) throws IOException {
            if (sql.get() == null || tuple.get() == null) {
                throw new IllegalStateException(label + ": the repository sent no statement");
            }
            Files.createDirectories(out);
            String statement = pgbench(sql.get());
            Files.writeString(out.resolve(label + ".sql"), statement + "\n", StandardCharsets.UTF_8);
            List<String> vars = new ArrayList<>();
            for (int i = 0; i < tuple.get().size(); i++) {
                Object value = tuple.get().getValue(i);
                vars.add("p" + (i + 1) + "=" + (value == null ? "" : value.toString()));
            }
            Files.write(out.resolve(label + ".vars"), vars, StandardCharsets.UTF_8);
            String setCaller = RlsTransactions.SET_CALLER.replace("$1", ":role").replace("$2", ":sub").replace("$3", ":claims")
                    .replace("$4", ":timeout");
            Files.write(out.resolve(label + "-pgbench.sql"), List.of("\\startpipeline",
                    Database.Mode.READ_ONLY_TRANSACTION.begin() + ";", setCaller + ";", "\\endpipeline", statement + ";", "commit;"),
                    StandardCharsets.UTF_8);
        }

        /** One line (pgbench reads a statement a line), parameters as pgbench variables. */
        private static String pgbench(String statement) {
            Matcher m = Pattern.compile("\\$(\\d+)").matcher(statement);
            return m.replaceAll(r -> ":p" + r.group(1)).replace('\n', ' ');
        }
    }
}
