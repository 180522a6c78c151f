package org.cryoprotect.molecule.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.PublicMolecule;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.PublicSummaryRepository;

import io.smallrye.mutiny.Uni;

/** The public registry as anonymous visitors browse it: the precomputed summary view. */
@ApplicationScoped
public class PublicMoleculeService {

    private final LagTolerantReads reads;
    private final PublicSummaryRepository summaries;

    public PublicMoleculeService(LagTolerantReads reads, PublicSummaryRepository summaries) {
        this.reads = reads;
        this.summaries = summaries;
    }

    public Uni<Page<PublicMolecule>> list(String text, int limit, Cursor after) {
        return reads.read(Caller.ANONYMOUS, db -> summaries.list(db, text, limit, after));
    }
}
