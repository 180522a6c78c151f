package org.cryoprotect.importer.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.model.Include;
import org.cryoprotect.importer.model.MeasurementCounts;
import org.cryoprotect.importer.model.Source;

import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The workers' side of the job tables. A chunk is a set of pending ids claimed with FOR UPDATE SKIP
 * LOCKED under a lease, so replicas never wait for each other and a dead replica's ids come back
 * when its lease runs out. Jobs take turns (see NEXT_JOB), so one large import cannot starve
 * others. Settling only moves ids that are still pending, so counting stays exact when a chunk is
 * processed twice.
 */
@ApplicationScoped
public class ChunkRepository {

    public record Item(int seq, String sourceId, int attempts) {
    }

    public record Chunk(long id, UUID jobId, Source source, Set<Include> include, List<Item> items) {
    }

    /** An id imported: its molecule (null when only its toxicity was), and its measurements. */
    public record Done(int seq, UUID moleculeId, String outcome, MeasurementCounts measurements) {
    }

    public record Failed(int seq, String reason, boolean retryable) {
    }

    /** How many ids a settle actually moved on, by outcome. */
    public record Settled(int created, int updated, int unchanged, int failed) {
    }

    /**
     * The running job whose turn it is: its creator has the fewest chunks in flight (on any replica)
     * and, among equals, was served least recently; within that user, the same rule picks the job.
     * A 10-id job of one user thus waits for at most one free worker, however large another user's
     * job is. Two claims at the same moment may pick the same job; SKIP LOCKED keeps their ids apart.
     */
    private static final String NEXT_JOB = """
            with running as (
                select j.id, j.source, j.include, j.created_by, j.started_at,
                       (select count(*) from importer.chunks c
                         where c.job_id = j.id and c.finished_at is null and c.lease_until > clock_timestamp()) as in_flight,
                       coalesce((select max(c.claimed_at) from importer.chunks c where c.job_id = j.id),
                                '-infinity') as served
                  from importer.jobs j
                 where j.status = 'running'),
            users as (
                select created_by, sum(in_flight) as in_flight, max(served) as served from running group by created_by)
            select r.id, r.source, r.include from running r join users u using (created_by)
             where exists (select 1 from importer.items i
                            where i.job_id = r.id and i.state = 'pending' and i.lease_until < clock_timestamp())
             order by u.in_flight, u.served, r.in_flight, r.served, r.started_at
             limit 1""";
    private static final String CLAIM = """
            with picked as (
                select seq from importer.items
                 where job_id = $1 and state = 'pending' and lease_until < clock_timestamp()
                 order by seq limit $2
                 for update skip locked),
            chunk as (
                insert into importer.chunks (job_id, replica, size, lease_until)
                select $1, $3, count(*), clock_timestamp() + make_interval(secs => $4) from picked having count(*) > 0
                returning id)
            update importer.items i
               set lease_until = clock_timestamp() + make_interval(secs => $4), chunk_id = chunk.id, attempts = i.attempts + 1
              from picked, chunk
             where i.job_id = $1 and i.seq = picked.seq
            returning chunk.id, i.seq, i.source_id, i.attempts""";
    private static final String MARK_DONE = """
            with r as (select * from unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])
                         as r(seq, molecule_id, outcome, created, updated, unchanged, unparsed)),
            moved as (
                update importer.items i set state = 'done', molecule_id = r.molecule_id, outcome = r.outcome,
                       reason = null, finished_at = now()
                  from r where i.job_id = $1 and i.seq = r.seq and i.state = 'pending'
                returning i.outcome, r.created, r.updated, r.unchanged, r.unparsed)
            update importer.jobs set succeeded = succeeded + (select count(*) from moved),
                   measurements_created = measurements_created + (select coalesce(sum(created), 0) from moved),
                   measurements_updated = measurements_updated + (select coalesce(sum(updated), 0) from moved),
                   measurements_unchanged = measurements_unchanged + (select coalesce(sum(unchanged), 0) from moved),
                   measurements_unparsed = measurements_unparsed + (select coalesce(sum(unparsed), 0) from moved),
                   updated_at = now()
             where id = $1
            returning (select count(*) from moved where outcome = 'created'),
                      (select count(*) from moved where outcome = 'updated'),
                      (select count(*) from moved where outcome = 'unchanged')""";
    private static final String MARK_FAILED = """
            with r as (select * from unnest($2::int[], $3::text[], $4::bool[]) as r(seq, reason, retryable)),
            moved as (
                update importer.items i set state = 'failed', reason = r.reason, retryable = r.retryable, finished_at = now()
                  from r where i.job_id = $1 and i.seq = r.seq and i.state = 'pending'
                returning 1)
            update importer.jobs set failed = failed + (select count(*) from moved), updated_at = now()
             where id = $1
            returning (select count(*) from moved)""";
    /** Ids out of attempts fail for good (until a resume); the others wait for the backoff. */
    private static final String GIVE_UP = """
            with moved as (
                update importer.items set state = 'failed', reason = $3, retryable = true, finished_at = now()
                 where job_id = $1 and seq = any($2) and state = 'pending' and attempts >= $4
                returning 1)
            update importer.jobs set failed = failed + (select count(*) from moved), updated_at = now()
             where id = $1
            returning (select count(*) from moved)""";
    private static final String BACK_OFF = """
            update importer.items set lease_until = clock_timestamp() + make_interval(secs => $3), reason = $4
             where job_id = $1 and seq = any($2) and state = 'pending'""";
    private static final String FINISH_CHUNK = "update importer.chunks set finished_at = clock_timestamp(), outcome = $2 where id = $1";
    private static final String COMPLETE_JOB = """
            update importer.jobs set status = 'completed', finished_at = now(), updated_at = now()
             where id = $1 and status = 'running'
               and not exists (select 1 from importer.items where job_id = $1 and state = 'pending')""";

    private final Database db;

    public ChunkRepository(Database db) {
        this.db = db;
    }

    /** Ids of the running job whose turn it is, as many as its source's chunk size; empty when there is no work. */
    public Uni<Optional<Chunk>> claim(String replica, ToIntFunction<Source> chunkSize, Duration lease) {
        return db.transaction(tx -> tx.query(NEXT_JOB).execute().chain(jobs -> {
            if (jobs.rowCount() == 0) {
                return Uni.createFrom().item(Optional.<Chunk>empty());
            }
            var job = jobs.iterator().next();
            UUID jobId = job.getUUID("id");
            Source source = Source.of(job.getString("source")).orElseThrow();
            Set<Include> include = EnumSet.noneOf(Include.class);
            for (String name : job.getArrayOfStrings("include")) {
                include.add(Include.of(name).orElseThrow());
            }
            return tx.preparedQuery(CLAIM)
                    .execute(Tuple.of(jobId, chunkSize.applyAsInt(source), replica, lease.toMillis() / 1000.0))
                    .map(rows -> {
                        List<Item> items = new ArrayList<>();
                        long chunkId = 0;
                        for (var row : rows) {
                            chunkId = row.getLong("id");
                            items.add(new Item(row.getInteger("seq"), row.getString("source_id"), row.getInteger("attempts")));
                        }
                        items.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
                        return items.isEmpty() ? Optional.<Chunk>empty() : Optional.of(new Chunk(chunkId, jobId, source, include, items));
                    });
        }));
    }

    /** A sign of life: the chunk's ids stay with their worker for another lease. */
    public Uni<Void> renew(Chunk chunk, Duration lease) {
        return db.idempotentTransaction(tx -> tx.preparedQuery("""
                with chunk as (
                    update importer.chunks set lease_until = clock_timestamp() + make_interval(secs => $3) where id = $2)
                update importer.items set lease_until = clock_timestamp() + make_interval(secs => $3)
                 where job_id = $1 and chunk_id = $2 and state = 'pending'""")
                .execute(Tuple.of(chunk.jobId(), chunk.id(), lease.toMillis() / 1000.0)))
                .replaceWithVoid();
    }

    /** Records the chunk's outcome in one transaction. */
    public Uni<Settled> settle(Chunk chunk, List<Done> done, List<Failed> failed) {
        UUID job = chunk.jobId();
        // Repeating is safe: only ids still pending move, and the counters move with them.
        return db.idempotentTransaction(tx -> markDone(tx, job, done)
                .chain(moved -> markFailed(tx, job, failed)
                        .map(movedFailed -> new Settled(moved[0], moved[1], moved[2], movedFailed)))
                .call(() -> finish(tx, chunk, "done")));
    }

    /**
     * The chunk could not be processed (upstream or molecule-service unavailable after retries):
     * ids that have had their attempts fail, the others are claimable again after the backoff.
     * Returns how many failed for good.
     */
    public Uni<Integer> release(Chunk chunk, String reason, int maxAttempts, Duration backoff) {
        Integer[] seqs = chunk.items().stream().map(Item::seq).toArray(Integer[]::new);
        UUID job = chunk.jobId();
        return db.idempotentTransaction(tx -> tx.preparedQuery(GIVE_UP)
                .execute(Tuple.of(job, seqs, "gave up after " + maxAttempts + " attempts: " + reason, maxAttempts))
                .map(ChunkRepository::count)
                .call(() -> tx.preparedQuery(BACK_OFF).execute(Tuple.of(job, seqs, backoff.toMillis() / 1000.0, reason)))
                .call(() -> finish(tx, chunk, "released: " + reason)));
    }

    private static Uni<int[]> markDone(SqlClient tx, UUID job, List<Done> done) {
        if (done.isEmpty()) {
            return Uni.createFrom().item(new int[3]);
        }
        return tx.preparedQuery(MARK_DONE).execute(Tuple.from(List.of(job,
                done.stream().map(Done::seq).toArray(Integer[]::new),
                done.stream().map(Done::moleculeId).toArray(UUID[]::new),
                done.stream().map(Done::outcome).toArray(String[]::new),
                done.stream().map(d -> d.measurements().created()).toArray(Integer[]::new),
                done.stream().map(d -> d.measurements().updated()).toArray(Integer[]::new),
                done.stream().map(d -> d.measurements().unchanged()).toArray(Integer[]::new),
                done.stream().map(d -> d.measurements().unparsed()).toArray(Integer[]::new))))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new int[] {row.getInteger(0), row.getInteger(1), row.getInteger(2)};
                });
    }

    private static Uni<Integer> markFailed(SqlClient tx, UUID job, List<Failed> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.preparedQuery(MARK_FAILED).execute(Tuple.of(job,
                failed.stream().map(Failed::seq).toArray(Integer[]::new),
                failed.stream().map(Failed::reason).toArray(String[]::new),
                failed.stream().map(Failed::retryable).toArray(Boolean[]::new)))
                .map(ChunkRepository::count);
    }

    private static Uni<Void> finish(SqlClient tx, Chunk chunk, String outcome) {
        return tx.preparedQuery(FINISH_CHUNK).execute(Tuple.of(chunk.id(), outcome))
                .chain(() -> tx.preparedQuery(COMPLETE_JOB).execute(Tuple.of(chunk.jobId())))
                .replaceWithVoid();
    }

    private static int count(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        return rows.iterator().next().getInteger(0);
    }
}
