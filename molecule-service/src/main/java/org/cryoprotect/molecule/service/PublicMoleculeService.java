package org.cryoprotect.molecule.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.PublicMolecule;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.PublicSummaryRepository;

import io.smallrye.mutiny.Uni;

/** The public registry as anonymous visitors browse it: the precomputed summary view. */
@ApplicationScoped
public class PublicMoleculeService {

    private final RlsTransactions transactions;
    private final PublicSummaryRepository summaries;

    public PublicMoleculeService(RlsTransactions transactions, PublicSummaryRepository summaries) {
        this.transactions = transactions;
        this.summaries = summaries;
    }

    public Uni<Page<PublicMolecule>> list(String text, int limit, Cursor after) {
        return transactions.read(Caller.ANONYMOUS, db -> summaries.list(db, text, limit, after));
    }
}
