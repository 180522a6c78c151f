package org.cryoprotect.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.pgclient.PgException;

/**
 * PostgreSQL errors as PostgreSQL 15 reports them (message, detail, table, column, constraint), mapped
 * to our words: the status, the field where the error names one, and none of the server's text.
 */
class DatabaseProblemsTest {

    private static final List<String> SERVER_TEXT = List.of("violates", "constraint", "relation", "ERROR", "chem",
            "teams", "projects", "Key (", "_check", "_fkey", "_uq", "pkey", "invalid input", "0x00");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "23514|new row for relation \"molecules\" violates check constraint \"molecules_name_check\"||molecules||molecules_name_check"
                    + "|422|name is not an accepted value (out of range or malformed)",
            "23505|duplicate key value violates unique constraint \"team_members_pkey\"|Key (team_id, user_id)=(1, 2) already exists."
                    + "|team_members||team_members_pkey|409|A resource with the same team_id, user_id already exists",
            "23505|duplicate key value violates unique constraint \"molecules_public_inchikey_uq\"|||||409"
                    + "|A resource with these values already exists",
            "23505|duplicate key value violates unique constraint \"clients_client_id_key\"||clients||clients_client_id_key|409"
                    + "|A resource with the same client_id already exists",
            "23503|insert or update on table \"projects\" violates foreign key constraint \"projects_team_id_fkey\""
                    + "|Key (team_id)=(00000000-0000-0000-0000-000000000000) is not present in table \"teams\".|projects||projects_team_id_fkey"
                    + "|404|team_id refers to a resource that does not exist",
            "23503|update or delete on table \"molecules\" violates foreign key constraint \"mixture_components_molecule_id_fkey\" on table \"mixture_components\""
                    + "|Key (id)=(00000000-0000-0000-0000-000000000000) is still referenced from table \"mixture_components\"."
                    + "|mixture_components||mixture_components_molecule_id_fkey|409|Other resources still refer to this one; remove them first",
            "23502|null value in column \"name\" of relation \"teams\" violates not-null constraint|Failing row contains (null).|teams|name|"
                    + "|422|name is required",
            "22P02|invalid input syntax for type uuid: \"x\"|||||422|A value is malformed or out of range",
            "22021|invalid byte sequence for encoding \"UTF8\": 0x00|||||422|A value is malformed or out of range",
            "22003|value \"99999999999999999999\" is out of range for type bigint|||||422|A value is malformed or out of range",
            "54000|index row size 3000 exceeds btree version 4 maximum 2704 for index \"molecules_formula_idx\"|||||422"
                    + "|A value is too large to store",
            "42501|new row violates row-level security policy for table \"projects\"|||||404|No such resource, or it is not visible to you"})
    void ourWordsNeverTheServers(String state, String message, String detail, String table, String column, String constraint,
            int status, String expected) {
        PgException e = new PgException(message, "ERROR", state, detail, null, null, null, null, null, null, null, null,
                "chem", table, column, null, constraint);

        Problem problem = DatabaseProblems.of(e);

        assertEquals(status, problem.status());
        assertEquals(expected, problem.detail());
        for (String text : SERVER_TEXT) {
            assertFalse(problem.detail().contains(text), problem.detail() + " contains " + text);
        }
    }

    @ParameterizedTest
    @CsvSource({"40001", "57P01", "XX000", "42883"})
    void notTheClientsDoing(String state) {
        assertNull(DatabaseProblems.of(new PgException("something", "ERROR", state, null)));
    }
}
