package org.cryoprotect.importer.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.model.ImportFailure;
import org.cryoprotect.importer.model.ImportJob;
import org.cryoprotect.importer.model.Include;
import org.cryoprotect.importer.model.MeasurementCounts;
import org.cryoprotect.importer.model.Source;

import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Import jobs and their ids as the REST API sees them. Jobs are visible to whoever created them. */
@ApplicationScoped
public class JobRepository {

    private static final String JOB_COLUMNS = """
            id, source, include, status, total, succeeded, failed, started_at, finished_at, measurements_created,
            measurements_updated, measurements_unchanged, measurements_unparsed,
            succeeded / greatest(extract(epoch from coalesce(finished_at, now()) - started_at), 0.001) as records_per_second""";

    /** First key of the advisory lock per job creator (the second is a hash of the creator). */
    private static final int ACTIVE_LIMIT_LOCK = 0x1a0b5;

    private final Database db;

    public JobRepository(Database db) {
        this.db = db;
    }

    /** The new job, or empty when its creator already has {@code maxActive} jobs running. */
    public Uni<Optional<ImportJob>> create(Source source, Set<Include> include, String createdBy, List<String> ids,
            int maxActive) {
        return db.transaction(tx -> underActiveLimit(tx, createdBy, maxActive).chain(allowed -> !allowed
                ? Uni.createFrom().item(Optional.<ImportJob>empty())
                : tx.preparedQuery("insert into importer.jobs (source, include, created_by, total) values ($1, $2, $3, $4) "
                        + "returning " + JOB_COLUMNS)
                        .execute(Tuple.of(source.id(), include.stream().map(Include::id).toArray(String[]::new), createdBy,
                                ids.size()))
                        .map(rows -> job(rows.iterator().next()))
                        .call(job -> tx.preparedQuery("""
                                insert into importer.items (job_id, seq, source_id)
                                select $1, ordinality, id from unnest($2::text[]) with ordinality as t(id, ordinality)""")
                                .execute(Tuple.of(job.id(), ids.toArray(String[]::new))))
                        .map(Optional::of)));
    }

    /**
     * Whether the creator has fewer than {@code maxActive} running jobs. The transaction holds a lock
     * per creator until it ends, so two requests at the same moment cannot both take the last place.
     */
    private static Uni<Boolean> underActiveLimit(SqlClient tx, String createdBy, int maxActive) {
        return tx.preparedQuery("select pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(ACTIVE_LIMIT_LOCK, createdBy))
                .chain(() -> tx.preparedQuery("select count(*) from importer.jobs where created_by = $1 and status = 'running'")
                        .execute(Tuple.of(createdBy)))
                .map(rows -> rows.iterator().next().getLong(0) < maxActive);
    }

    public Uni<Optional<ImportJob>> find(UUID id, String createdBy, boolean anyCreator) {
        return db.read(c -> c.preparedQuery("select " + JOB_COLUMNS
                + " from importer.jobs where id = $1 and (created_by = $2 or $3)")
                .execute(Tuple.of(id, createdBy, anyCreator)))
                .map(JobRepository::single);
    }

    public Uni<List<ImportJob>> list(String createdBy, int limit) {
        return db.read(c -> c.preparedQuery("select " + JOB_COLUMNS
                + " from importer.jobs where created_by = $1 order by started_at desc limit $2")
                .execute(Tuple.of(createdBy, limit)))
                .map(rows -> {
                    List<ImportJob> jobs = new ArrayList<>();
                    rows.forEach(row -> jobs.add(job(row)));
                    return jobs;
                });
    }

    public Uni<Optional<ImportJob>> cancel(UUID id) {
        return db.transaction(tx -> tx.preparedQuery("update importer.jobs set status = 'cancelled', finished_at = now(), "
                + "updated_at = now() where id = $1 and status = 'running' returning " + JOB_COLUMNS)
                .execute(Tuple.of(id)))
                .map(JobRepository::single);
    }

    public enum Resumed { RESUMED, NOTHING_TO_RESUME, ACTIVE_LIMIT }

    public record Resume(Resumed outcome, Optional<ImportJob> job) {
    }

    /**
     * Runs a cancelled job again from where it stopped, and gives ids that failed for a passing
     * reason (an upstream that stayed unavailable) another chance. A job that runs again counts
     * towards its creator's active jobs, so it needs a free place like a new one.
     */
    public Uni<Resume> resume(UUID id, int maxActive) {
        return db.transaction(tx -> tx.preparedQuery("""
                select status, created_by,
                       exists (select 1 from importer.items where job_id = $1 and state = 'failed' and retryable)
                  from importer.jobs where id = $1 for update""")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    var row = rows.rowCount() == 0 ? null : rows.iterator().next();
                    if (row == null || !("cancelled".equals(row.getString(0)) || row.getBoolean(2))) {
                        return Uni.createFrom().item(new Resume(Resumed.NOTHING_TO_RESUME, Optional.empty()));
                    }
                    Uni<Boolean> allowed = "running".equals(row.getString(0)) ? Uni.createFrom().item(true)
                            : underActiveLimit(tx, row.getString(1), maxActive);
                    return allowed.chain(yes -> !yes
                            ? Uni.createFrom().item(new Resume(Resumed.ACTIVE_LIMIT, Optional.empty()))
                            : requeueRetryable(tx, id).chain(requeued -> tx.preparedQuery("""
                                    update importer.jobs set status = 'running', finished_at = null,
                                           failed = failed - $2, updated_at = now()
                                     where id = $1
                                    returning\s""" + JOB_COLUMNS)
                                    .execute(Tuple.of(id, requeued)))
                                    .map(updated -> new Resume(Resumed.RESUMED, single(updated))));
                }));
    }

    private static Uni<Integer> requeueRetryable(SqlClient tx, UUID id) {
        return tx.preparedQuery("""
                update importer.items set state = 'pending', retryable = false, reason = null, attempts = 0,
                       lease_until = '-infinity', finished_at = null
                 where job_id = $1 and state = 'failed' and retryable""")
                .execute(Tuple.of(id))
                .map(RowSet::rowCount);
    }

    public Uni<List<ImportFailure>> failures(UUID jobId, int afterSeq, int limit) {
        return db.read(c -> c.preparedQuery("""
                select seq, source_id, reason, attempts, retryable, finished_at from importer.items
                 where job_id = $1 and state = 'failed' and seq > $2 order by seq limit $3""")
                .execute(Tuple.of(jobId, afterSeq, limit)))
                .map(rows -> {
                    List<ImportFailure> failures = new ArrayList<>();
                    rows.forEach(row -> failures.add(new ImportFailure(row.getInteger("seq"), row.getString("source_id"),
                            row.getString("reason"), row.getInteger("attempts"), row.getBoolean("retryable"),
                            row.getOffsetDateTime("finished_at"))));
                    return failures;
                });
    }

    private static Optional<ImportJob> single(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(job(rows.iterator().next()));
    }

    private static ImportJob job(Row row) {
        int total = row.getInteger("total");
        int succeeded = row.getInteger("succeeded");
        int failed = row.getInteger("failed");
        List<String> include = List.of(row.getArrayOfStrings("include"));
        MeasurementCounts measurements = include.contains(Include.TOXICITY.id())
                ? new MeasurementCounts(row.getInteger("measurements_created"), row.getInteger("measurements_updated"),
                        row.getInteger("measurements_unchanged"), row.getInteger("measurements_unparsed"))
                : null;
        return new ImportJob(row.getUUID("id"), row.getString("source"), include, row.getString("status"), total,
                succeeded, failed, total - succeeded - failed, measurements, row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"), Math.round(row.getDouble("records_per_second") * 10) / 10.0);
    }
}
