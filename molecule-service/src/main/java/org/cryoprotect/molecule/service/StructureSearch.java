package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.chem.StructureTooComplexException;
import org.cryoprotect.molecule.chem.SubstructureQuery;
import org.cryoprotect.molecule.config.ChemistryConfig;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MoleculeRepository;
import org.cryoprotect.molecule.repository.MoleculeRepository.Candidate;
import org.cryoprotect.molecule.repository.StructureFilter;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * GET /api/molecules with its structure queries. CDK reads the queries first (exact → parent key,
 * similar_to → fingerprint, substructure → screen and matcher); everything else is SQL, as the caller
 * under Row Level Security, so rows the caller cannot see are never candidates, counted or matched.
 * A substructure search reads screened candidates in page order, one short read transaction per chunk,
 * and matches each chunk on a chemistry thread outside any transaction, until the page is full, the
 * candidates end or the search budget is spent.
 */
@ApplicationScoped
public class StructureSearch {

    private static final Logger LOG = Logger.getLogger(StructureSearch.class);

    private final LagTolerantReads reads;
    private final MoleculeRepository molecules;
    private final Chemistry chemistry;
    private final long budgetNanos;
    private final int chunk;
    private final long firstCandidateNanos;
    private final Counter examined;
    private final Counter matches;
    private final Counter incomplete;

    public StructureSearch(LagTolerantReads reads, MoleculeRepository molecules, Chemistry chemistry, ChemistryConfig config,
            MeterRegistry registry) {
        this.reads = reads;
        this.molecules = molecules;
        this.chemistry = chemistry;
        this.budgetNanos = config.searchBudget().toNanos();
        this.chunk = Math.max(1, config.searchChunk());
        this.firstCandidateNanos = config.timeBudget().toNanos() / 2;
        this.examined = Counter.builder("cryo.search.substructure.candidates")
                .description("Rows that passed the substructure screen and were matched by CDK").register(registry);
        this.matches = Counter.builder("cryo.search.substructure.matches")
                .description("Candidates that contained the query").register(registry);
        this.incomplete = Counter.builder("cryo.search.substructure.incomplete")
                .description("Substructure pages answered \"complete\": false (cryo.chemistry.search-budget ran out)")
                .register(registry);
    }

    public Uni<JsonPage> search(Caller caller, MoleculeSearch search, int limit, Cursor after) {
        if (!search.hasStructureQuery()) {
            return reads.read(caller, db -> molecules.search(db, search, StructureFilter.NONE, limit, after));
        }
        long deadline = System.nanoTime() + budgetNanos;
        return queries(search).chain(queries -> queries.substructure() == null
                ? reads.read(caller, db -> molecules.search(db, search, queries.filter(), limit, after))
                : new Scan(caller, search, queries.filter(), queries.substructure(), limit, deadline).page(after));
    }

    private record Queries(StructureFilter filter, SubstructureQuery substructure) {
    }

    /** CDK's reading of the structure queries, on chemistry threads; one that does not parse is a 422 naming it. */
    private Uni<Queries> queries(MoleculeSearch search) {
        Uni<String> parentKey = search.exact() == null ? Uni.createFrom().nullItem()
                : chemistry.parentInchikey("exact", search.exact());
        Uni<Fingerprint> similarTo = search.similarTo() == null ? Uni.createFrom().nullItem()
                : chemistry.similarityQuery("similar_to", search.similarTo());
        Uni<SubstructureQuery> substructure = search.substructure() == null ? Uni.createFrom().nullItem()
                : chemistry.substructureQuery("substructure", search.substructure());
        return parentKey.chain(key -> similarTo.chain(fingerprint -> substructure.map(query -> new Queries(
                new StructureFilter(key, fingerprint, fingerprint == null ? 0 : search.minSimilarity(), query != null,
                        query == null ? null : query.screen()),
                query))));
    }

    /** One page of a substructure search. */
    private final class Scan {

        private final Caller caller;
        private final MoleculeSearch search;
        private final StructureFilter filter;
        private final SubstructureQuery query;
        private final int limit;
        private final long deadline;
        private final List<Candidate> matched = new ArrayList<>();
        /** The last candidate examined: where the next page continues. */
        private Cursor position;
        private boolean examinedAny;

        Scan(Caller caller, MoleculeSearch search, StructureFilter filter, SubstructureQuery query, int limit, long deadline) {
            this.caller = caller;
            this.search = search;
            this.filter = filter;
            this.query = query;
            this.limit = limit;
            this.deadline = deadline;
        }

        Uni<JsonPage> page(Cursor after) {
            position = after;
            return next().invoke(end -> {
                if (end == End.OUT_OF_BUDGET) {
                    incomplete.increment();
                }
            }).chain(end -> reads.read(caller, db -> molecules.items(db, filter, matched))
                    .map(items -> new JsonPage(items, end == End.NO_MORE_CANDIDATES ? null : position.encode(),
                            end != End.OUT_OF_BUDGET)));
        }

        private Uni<End> next() {
            if (examinedAny && System.nanoTime() >= deadline) {
                return Uni.createFrom().item(End.OUT_OF_BUDGET);
            }
            return reads.read(caller, db -> molecules.candidates(db, search, filter, position, chunk))
                    .chain(candidates -> candidates.isEmpty() ? Uni.createFrom().item(End.NO_MORE_CANDIDATES)
                            : match(candidates));
        }

        private Uni<End> match(List<Candidate> candidates) {
            ChunkMatch chunkMatch = new ChunkMatch(candidates, limit - matched.size(), !examinedAny);
            return chemistry.run(chunkMatch::run)
                    .map(ignored -> chunkMatch.outcome())
                    // one target over cryo.chemistry.time-budget: that page ends there, past the candidate
                    .onFailure(StructureTooComplexException.class).recoverWithItem(failure -> chunkMatch.abandon())
                    .chain(outcome -> {
                        examined.increment(outcome.examined());
                        matches.increment(outcome.found().size());
                        matched.addAll(outcome.found());
                        if (outcome.examined() > 0) {
                            examinedAny = true;
                            position = candidates.get(outcome.examined() - 1).position();
                        }
                        boolean lastChunk = candidates.size() < chunk && outcome.examined() == candidates.size();
                        if (outcome.abandoned()) {
                            // its thread may still be using the (single-threaded) query: this page stops here
                            return Uni.createFrom().item(End.OUT_OF_BUDGET);
                        }
                        if (matched.size() == limit) {
                            return Uni.createFrom().item(lastChunk ? End.NO_MORE_CANDIDATES : End.PAGE_FULL);
                        }
                        if (outcome.examined() < candidates.size()) {
                            return Uni.createFrom().item(End.OUT_OF_BUDGET);
                        }
                        return lastChunk ? Uni.createFrom().item(End.NO_MORE_CANDIDATES) : next();
                    });
        }

        /**
         * Matches candidates in order on a chemistry thread until {@code wanted} are found or the deadline
         * passes (the first of a page is always examined, so paging moves on under any budget). If the
         * thread is abandoned over the time budget, {@link #abandon} keeps what it had concluded.
         */
        private final class ChunkMatch {
            private final List<Candidate> candidates;
            private final int wanted;
            private final boolean examineFirst;
            private final List<Candidate> found = new ArrayList<>();
            private int examined;
            private boolean abandoned;
            private boolean gaveUp;

            ChunkMatch(List<Candidate> candidates, int wanted, boolean examineFirst) {
                this.candidates = candidates;
                this.wanted = wanted;
                this.examineFirst = examineFirst;
            }

            Void run() {
                for (Candidate candidate : candidates) {
                    boolean first = examined == 0 && examineFirst;
                    if (!first && System.nanoTime() >= deadline) {
                        break;
                    }
                    boolean matches;
                    boolean outOfTime = false;
                    try {
                        // the first of a page gets half the chemistry budget even past the search's deadline
                        matches = matches(candidate, first ? Math.max(deadline, System.nanoTime() + firstCandidateNanos) : deadline);
                    } catch (SubstructureQuery.OutOfTime e) {
                        matches = false;
                        outOfTime = true;
                    }
                    synchronized (this) {
                        if (abandoned) {
                            return null;
                        }
                        if (matches) {
                            found.add(candidate);
                        }
                        examined++; // a candidate given up counts as examined, as in abandon(): paging moves on
                        gaveUp = outOfTime;
                        if (found.size() == wanted || outOfTime) {
                            break;
                        }
                    }
                }
                return null;
            }

            /** A registered structure CDK fails on (a bug, not the caller's input) is no match rather than a 500. */
            private boolean matches(Candidate candidate, long until) {
                try {
                    return query.matches(candidate.smiles(), until);
                } catch (SubstructureQuery.OutOfTime e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warnf("Substructure matching failed on molecule %s: %s", candidate.id(), e);
                    return false;
                }
            }

            /** A candidate given up at the deadline ends the page incomplete, like an abandoned thread. */
            synchronized Outcome outcome() {
                return new Outcome(List.copyOf(found), examined, gaveUp);
            }

            /** The candidate being matched when the thread was given up counts as examined, not matched. */
            synchronized Outcome abandon() {
                abandoned = true;
                return new Outcome(List.copyOf(found), Math.min(examined + 1, candidates.size()), true);
            }
        }
    }

    private record Outcome(List<Candidate> found, int examined, boolean abandoned) {
    }

    private enum End {
        PAGE_FULL, NO_MORE_CANDIDATES, OUT_OF_BUDGET
    }
}
