package org.cryoprotect.molecule.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * DESIGN section 2's write matrix, cell by cell: every write path, as every kind of caller, on every
 * kind of row. Each cell builds a fresh world, asserts the status, and that a refused write changed
 * nothing in schema chem (and that an allowed one changed something).
 */
@QuarkusTest
class WriteMatrixTest {

    enum Who { ANONYMOUS, STRANGER, VIEWER, EDITOR, OWNER, CREATOR, SERVICE }

    /** Kinds of row, seen from team T (owner, editor, viewer) and its project P. */
    enum Kind {
        /** public, created by the service role; T's owner referenced it in P */
        REGISTRY,
        /** the creator's private row, linked nowhere */
        OWN,
        /** the creator's private row, shared to P by the creator (an editor of T) */
        SHARED,
        /** shared as above, then published by the creator */
        PUBLISHED,
        /** the creator's private row shared to the creator's team A; an editor of T who is only a viewer in A linked it to P */
        REFERENCE;

        boolean isPublic() {
            return this == REGISTRY || this == PUBLISHED;
        }

        boolean linkedInP() {
            return this != OWN;
        }
    }

    enum Right { NONE, READ, CHANGE, MANAGE }

    private static final AtomicInteger STRUCTURES = new AtomicInteger();
    private static String component;

    @ConfigProperty(name = "cryo.test.database")
    String database;

    // --- the matrix ------------------------------------------------------------------------------

    static boolean visible(Who who, Kind kind) {
        return switch (who) {
            case SERVICE, CREATOR -> true;
            case ANONYMOUS, STRANGER -> kind.isPublic();
            case OWNER, EDITOR, VIEWER -> kind != Kind.OWN && kind != Kind.REFERENCE;
        };
    }

    static Right right(Who who, Kind kind) {
        if (!visible(who, kind)) {
            return Right.NONE;
        }
        if (who == Who.SERVICE) {
            return Right.MANAGE;
        }
        if (kind == Kind.REGISTRY || who == Who.ANONYMOUS) {
            return Right.READ;
        }
        boolean share = kind == Kind.SHARED || kind == Kind.PUBLISHED;
        return switch (who) {
            case CREATOR -> Right.MANAGE;
            case OWNER -> share ? Right.MANAGE : Right.READ;
            case EDITOR -> share ? Right.CHANGE : Right.READ;
            default -> Right.READ;
        };
    }

    static int refused(Who who, Kind kind) {
        return who == Who.ANONYMOUS ? 401 : visible(who, kind) ? 403 : 404;
    }

    static int needs(Right needed, int success, Who who, Kind kind) {
        return right(who, kind).compareTo(needed) >= 0 && who != Who.ANONYMOUS ? success : refused(who, kind);
    }

    /** Members of T may unlink from P; the creator is one only where it shared the row to P. */
    static int unlink(Who who, Kind kind) {
        boolean member = switch (who) {
            case OWNER, EDITOR, VIEWER, SERVICE -> true;
            case CREATOR -> kind == Kind.SHARED || kind == Kind.PUBLISHED;
            default -> false;
        };
        if (who == Who.ANONYMOUS) {
            return 401;
        }
        if (!member || !kind.linkedInP()) {
            return 404;
        }
        return who == Who.VIEWER ? 403 : 204;
    }

    /** Only a row's creator (or the service role) shares it; every other link is a reference. */
    static String grant(Who who, Kind kind) {
        return kind != Kind.REGISTRY && (who == Who.CREATOR || who == Who.SERVICE) ? "manage" : "reference";
    }

    enum Target { MOLECULE, MIXTURE }

    enum Action {
        RENAME(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.allOf(Kind.class)),
        PUBLISH(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.of(Kind.OWN, Kind.SHARED, Kind.REFERENCE)),
        UNPUBLISH(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.of(Kind.REGISTRY, Kind.PUBLISHED)),
        DELETE(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.allOf(Kind.class)),
        LINK(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.allOf(Kind.class)),
        UNLINK(Set.of(Target.MOLECULE, Target.MIXTURE), EnumSet.allOf(Kind.class)),
        ADD_TOXICITY(Set.of(Target.MOLECULE), EnumSet.allOf(Kind.class)),
        CHANGE_TOXICITY(Set.of(Target.MOLECULE), EnumSet.allOf(Kind.class)),
        DELETE_TOXICITY(Set.of(Target.MOLECULE), EnumSet.allOf(Kind.class));

        final Set<Target> targets;
        final Set<Kind> kinds;

        Action(Set<Target> targets, Set<Kind> kinds) {
            this.targets = targets;
            this.kinds = kinds;
        }

        int expected(Who who, Kind kind) {
            return switch (this) {
                case RENAME -> needs(Right.CHANGE, 200, who, kind);
                case PUBLISH, UNPUBLISH -> needs(Right.MANAGE, 200, who, kind);
                case DELETE -> needs(Right.MANAGE, 204, who, kind);
                case LINK -> who == Who.ANONYMOUS ? 401 : visible(who, kind) ? 201 : 404;
                case UNLINK -> unlink(who, kind);
                case ADD_TOXICITY -> needs(Right.CHANGE, 201, who, kind);
                // a measurement is changed by its creator (the row's creator made it; the service role the registry's)
                case CHANGE_TOXICITY, DELETE_TOXICITY -> who == Who.SERVICE || (who == Who.CREATOR && kind != Kind.REGISTRY)
                        ? (this == CHANGE_TOXICITY ? 200 : 204) : refused(who, kind);
            };
        }
    }

    static Stream<Arguments> rowCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Action action : Action.values()) {
            for (Target target : action.targets) {
                for (Kind kind : action.kinds) {
                    for (Who who : Who.values()) {
                        cells.add(Arguments.of(action, target, kind, who));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) as {3}")
    @MethodSource("rowCells")
    void rowWrites(Action action, Target target, Kind kind, Who who) {
        World world = new World(target, kind);
        Api caller = world.as(who);
        int expected = action.expected(who, kind);

        Supplier<Response> write = world.prepare(action, caller, who);
        String before = snapshot();
        Response response = write.get();
        String after = snapshot();

        assertEquals(expected, response.statusCode(), () -> "status; body " + response.asString());
        if (expected >= 400) {
            assertEquals(before, after, "a refused write changed schema chem");
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
        } else {
            assertNotEquals(before, after, "an allowed write changed nothing");
        }
        if (action == Action.LINK && expected == 201) {
            assertEquals(grant(who, kind), response.jsonPath().getString("grants"), "what the link grants");
        }
    }

    // --- teams and projects ----------------------------------------------------------------------

    enum TeamAction { ADD_MEMBER, CHANGE_ROLE, REMOVE_MEMBER, CREATE_PROJECT, RENAME_PROJECT, DELETE_PROJECT }

    static int expected(TeamAction action, Who who) {
        return switch (who) {
            case ANONYMOUS -> 401;
            case STRANGER, CREATOR -> 404;
            case OWNER -> switch (action) {
                case ADD_MEMBER, CHANGE_ROLE, CREATE_PROJECT -> 201;
                case RENAME_PROJECT -> 200;
                default -> 204;
            };
            case EDITOR -> switch (action) {
                case CREATE_PROJECT -> 201;
                case RENAME_PROJECT -> 200;
                default -> 403;
            };
            case VIEWER -> 403;
            // teams and projects belong to users: the service role manages them but does not create projects
            case SERVICE -> switch (action) {
                case ADD_MEMBER, CHANGE_ROLE -> 201;
                case RENAME_PROJECT -> 200;
                case CREATE_PROJECT -> 403;
                default -> 204;
            };
        };
    }

    static Stream<Arguments> teamCells() {
        List<Arguments> cells = new ArrayList<>();
        for (TeamAction action : TeamAction.values()) {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(action, who));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("teamCells")
    void teamWrites(TeamAction action, Who who) {
        World world = new World(Target.MOLECULE, Kind.OWN);
        Api caller = world.as(who);
        Api member = world.member;
        int expected = expected(action, who);

        String before = snapshot();
        Response response = switch (action) {
            case ADD_MEMBER -> caller.request().body(Map.of("user_id", Api.user().userId().toString(), "role", "viewer"))
                    .post("/api/teams/" + world.team + "/members");
            case CHANGE_ROLE -> caller.request().body(Map.of("user_id", member.userId().toString(), "role", "editor"))
                    .post("/api/teams/" + world.team + "/members");
            case REMOVE_MEMBER -> caller.request().delete("/api/teams/" + world.team + "/members/" + member.userId());
            case CREATE_PROJECT -> caller.request().body(Map.of("name", "New project", "team_id", world.team)).post("/api/projects");
            case RENAME_PROJECT -> caller.request().body(Map.of("name", "Renamed")).patch("/api/projects/" + world.project);
            case DELETE_PROJECT -> caller.request().delete("/api/projects/" + world.project);
        };
        String after = snapshot();

        assertEquals(expected, response.statusCode(), () -> "status; body " + response.asString());
        if (expected >= 400) {
            assertEquals(before, after, "a refused write changed schema chem");
        } else {
            assertNotEquals(before, after, "an allowed write changed nothing");
        }
    }

    // --- a fresh world per cell --------------------------------------------------------------------

    final class World {
        final Target target;
        final Api owner = Api.user();
        final Api editor = Api.user();
        final Api viewer = Api.user();
        final Api member = Api.user();
        final Api creator = Api.user();
        final Api stranger = Api.user();
        final String team;
        final String project;
        final String row;
        String measurement;

        World(Target target, Kind kind) {
            this.target = target;
            team = owner.createTeam("Team T");
            owner.addMember(team, editor, "editor");
            owner.addMember(team, viewer, "viewer");
            owner.addMember(team, member, "viewer");
            project = owner.createProject(team, "Project P");
            Api maker = kind == Kind.REGISTRY ? Api.service() : creator;
            row = create(maker);
            switch (kind) {
                case REGISTRY -> link(owner, project, "reference");
                case OWN -> { }
                case SHARED, PUBLISHED -> {
                    owner.addMember(team, creator, "editor");
                    link(creator, project, "manage");
                    if (kind == Kind.PUBLISHED) {
                        creator.request().body(Map.of("is_public", true)).patch(path()).then().statusCode(200);
                    }
                }
                case REFERENCE -> {
                    String teamA = creator.createTeam("Team A");
                    String projectA = creator.createProject(teamA, "Project A");
                    Api referencer = Api.user();
                    creator.addMember(teamA, referencer, "viewer");
                    owner.addMember(team, referencer, "editor");
                    link(creator, projectA, "manage");
                    link(referencer, project, "reference");
                }
            }
            if (target == Target.MOLECULE) {
                measurement = maker.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral",
                                "value", 2.0, "unit", "g/kg", "source", kind == Kind.REGISTRY ? "pubchem" : "manual"))
                        .post(path() + "/toxicity").then().statusCode(201).extract().path("id");
            }
        }

        private String create(Api maker) {
            if (target == Target.MOLECULE) {
                return maker.request().body(Map.of("name", "Matrix molecule", "smiles", uniqueSmiles()))
                        .post("/api/molecules").then().statusCode(201).extract().path("id");
            }
            return maker.createMixture("Matrix mixture", component());
        }

        private void link(Api who, String projectId, String expectedGrant) {
            assertEquals(expectedGrant, linkResponse(who, projectId).then().statusCode(201).extract().path("grants"));
        }

        Response linkResponse(Api who, String projectId) {
            String field = target == Target.MOLECULE ? "molecule_id" : "mixture_id";
            String items = target == Target.MOLECULE ? "/molecules" : "/mixtures";
            return who.request().body(Map.of(field, row)).post("/api/projects/" + projectId + items);
        }

        String path() {
            return (target == Target.MOLECULE ? "/api/molecules/" : "/api/mixtures/") + row;
        }

        Api as(Who who) {
            return switch (who) {
                case ANONYMOUS -> Api.anonymous();
                case STRANGER -> stranger;
                case VIEWER -> viewer;
                case EDITOR -> editor;
                case OWNER -> owner;
                case CREATOR -> creator;
                case SERVICE -> Api.service();
            };
        }

        /** The write, with anything it needs (the caller's own project) made beforehand. */
        Supplier<Response> prepare(Action action, Api caller, Who who) {
            if (action == Action.LINK) {
                String into = who == Who.ANONYMOUS ? project : ownProject(who == Who.SERVICE ? Api.user() : caller);
                return () -> linkResponse(caller, into);
            }
            return () -> perform(action, caller);
        }

        private Response perform(Action action, Api caller) {
            return switch (action) {
                case RENAME -> caller.request().body(Map.of("name", "vandalised")).patch(path());
                case PUBLISH -> caller.request().body(Map.of("is_public", true)).patch(path());
                case UNPUBLISH -> caller.request().body(Map.of("is_public", false)).patch(path());
                case DELETE -> caller.request().delete(path());
                case LINK -> throw new IllegalArgumentException("links are prepared");
                case UNLINK -> caller.request().delete("/api/projects/" + project
                        + (target == Target.MOLECULE ? "/molecules/" : "/mixtures/") + row);
                case ADD_TOXICITY -> caller.request().body(Map.of("endpoint", "LC50", "value", 3.0, "unit", "mg/L"))
                        .post(path() + "/toxicity");
                case CHANGE_TOXICITY -> caller.request().body(Map.of("value", 9.0)).patch("/api/toxicity/" + measurement);
                case DELETE_TOXICITY -> caller.request().delete("/api/toxicity/" + measurement);
            };
        }

        /** Links go into a project of the caller's own (the service role's: a project of someone else's). */
        private String ownProject(Api user) {
            return user.createProject(user.createTeam("Own team"), "Own project");
        }
    }

    /** Distinct structures: an acid head, then a chain whose substituents spell the counter in base 4. */
    static String uniqueSmiles() {
        int n = STRUCTURES.incrementAndGet();
        StringBuilder smiles = new StringBuilder("OC(=O)");
        String[] groups = {"C", "C(C)", "C(O)", "C(N)"};
        for (int i = 0; i < 6; i++) {
            smiles.append(groups[n % 4]);
            n /= 4;
        }
        return smiles.append("CC").toString();
    }

    private static String component() {
        if (component == null) {
            component = Api.service().createMolecule("Matrix component", "OCCO");
        }
        return component;
    }

    /** Every row of schema chem, hashed: a refused write must leave it exactly as it was. */
    private String snapshot() {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("""
                        select md5(coalesce(string_agg(r, '|' order by r), '')) from (
                            select 'm' || x::text as r from chem.molecules x union all
                            select 's' || x::text from chem.molecule_synonyms x union all
                            select 'p' || x::text from chem.molecule_properties x union all
                            select 't' || x::text from chem.toxicity x union all
                            select 'x' || x::text from chem.mixtures x union all
                            select 'c' || x::text from chem.mixture_components x union all
                            select 'pm' || x::text from chem.project_molecules x union all
                            select 'px' || x::text from chem.project_mixtures x union all
                            select 'tm' || x::text from chem.teams x union all
                            select 'mb' || x::text from chem.team_members x union all
                            select 'pr' || x::text from chem.projects x) rows""")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
