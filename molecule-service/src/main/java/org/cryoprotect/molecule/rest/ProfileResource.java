package org.cryoprotect.molecule.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Profile;
import org.cryoprotect.molecule.model.ProfileUpdate;
import org.cryoprotect.molecule.service.ProfileService;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's own profile: the name team-mates see in member lists. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService profiles;
    private final JsonWebToken token;

    public ProfileResource(ProfileService profiles, JsonWebToken token) {
        this.profiles = profiles;
        this.token = token;
    }

    @GET
    public Uni<Profile> mine() {
        return profiles.mine(Caller.of(token));
    }

    @PUT
    public Uni<Profile> save(@Valid @NotNull ProfileUpdate update) {
        return profiles.save(Caller.of(token), update.displayName());
    }
}
