package org.cryoprotect.molecule.repository;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.model.MoleculeSearch;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The SQL statements molecule-service sends for the structure benchmark's queries
 * (deploy/bench/run-structure-bench.sh), captured from {@link MoleculeRepository} itself through a
 * recording SqlClient: the same text and the same parameters, whatever the repository's code is today,
 * so pgbench runs exactly what the service runs. For each query it writes LABEL.sql (the statement with
 * $n turned into pgbench's :pn) and LABEL.vars (one "pn=value" a line).
 * <ul>
 * <li>similarity: the page query of {@code GET /api/molecules?similar_to=...&min_similarity=T&limit=50}
 * (the whole request: its one statement);</li>
 * <li>substructure: the first chunk of screened candidates (MoleculeRepository.candidates, no cursor):
 * the SQL side of the page's first round; the service then matches them with CDK, may read further
 * chunks, and reads the matched rows' JSON.</li>
 * </ul>
 *
 * <pre>
 *   java -cp ... org.cryoprotect.molecule.repository.BenchStatements QUERIES_TSV OUT_DIR LIMIT CHUNK
 * </pre>
 *
 * QUERIES_TSV is the generator's queries.tsv (label, kind, text, fingerprint hex, ...).
 */
public final class BenchStatements {

    private BenchStatements() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path out = Path.of(args[1]);
        int limit = Integer.parseInt(args[2]);
        int chunk = Integer.parseInt(args[3]);
        Files.createDirectories(out);
        MoleculeRepository molecules = new MoleculeRepository(new ObjectMapper());
        for (String line : lines) {
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
                molecules.search(recorder.client(), search, new StructureFilter(null, fp, threshold, false, null), limit, null)
                        .subscribe().with(ignored -> { }, ignored -> { });
            } else {
                MoleculeSearch search = new MoleculeSearch(null, null, null, null, null, null, null, null, null, null, null,
                        text, null, null);
                molecules.candidates(recorder.client(), search, new StructureFilter(null, null, 0, true, fp), null, chunk)
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
                            sql.set((String) margs[0]);
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
            Matcher m = Pattern.compile("\\$(\\d+)").matcher(sql.get());
            String pgbench = m.replaceAll(r -> ":p" + r.group(1));
            Files.writeString(out.resolve(label + ".sql"), pgbench.replace('\n', ' ') + "\n", StandardCharsets.UTF_8);
            List<String> vars = new ArrayList<>();
            for (int i = 0; i < tuple.get().size(); i++) {
                Object value = tuple.get().getValue(i);
                vars.add("p" + (i + 1) + "=" + (value == null ? "" : value.toString()));
            }
            Files.write(out.resolve(label + ".vars"), vars, StandardCharsets.UTF_8);
        }
    }
}
