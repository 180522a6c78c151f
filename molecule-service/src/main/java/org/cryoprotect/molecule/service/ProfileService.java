package org.cryoprotect.molecule.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Profile;
import org.cryoprotect.molecule.repository.ProfileRepository;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProfileService {

    private final RlsTransactions transactions;
    private final ProfileRepository profiles;

    public ProfileService(RlsTransactions transactions, ProfileRepository profiles) {
        this.transactions = transactions;
        this.profiles = profiles;
    }

    /** A user without a saved profile has one with no display name yet. */
    public Uni<Profile> mine(Caller caller) {
        requireUser(caller);
        return transactions.read(caller, db -> profiles.find(db, caller.userId()))
                .map(found -> found.orElse(new Profile(caller.userId(), null)));
    }

    public Uni<Profile> save(Caller caller, String displayName) {
        requireUser(caller);
        return transactions.write(caller, db -> profiles.save(db, caller.userId(), displayName.trim()))
                .map(ignored -> new Profile(caller.userId(), displayName.trim()));
    }

    private static void requireUser(Caller caller) {
        if (caller.userId() == null) {
            throw ProblemException.forbidden("Profiles belong to users; sign in as a user");
        }
    }
}
