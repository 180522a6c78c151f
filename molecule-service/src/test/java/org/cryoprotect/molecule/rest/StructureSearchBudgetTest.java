package org.cryoprotect.molecule.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A substructure search out of budget: with no time at all, each page examines exactly one candidate,
 * says "complete": false while candidates remain, and its cursor continues after that candidate, so
 * paging still returns every match exactly once. (A state, not a clock: the budget is zero.)
 */
@QuarkusTest
@TestProfile(StructureSearchBudgetTest.NoBudget.class)
class StructureSearchBudgetTest {

    public static class NoBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.chemistry.search-budget", "0s", "cryo.chemistry.search-chunk", "4");
        }
    }

    @Test
    void pagesOutOfBudgetSayIncompleteAndPagingStillFindsEveryMatchOnce() {
        Api chemist = Api.user();
        Set<String> matching = new HashSet<>();
        // screened candidates of the ring query that match it, and ones that pass the screen but do not
        for (int n = 1; n <= 6; n++) {
            matching.add(chemist.createMolecule("Budget ring " + n, "C1CCC1" + "C".repeat(n) + "O"));
            chemist.createMolecule("Budget chain " + n, "CCCC" + "C".repeat(n) + "O");
        }
        Map<String, String> query = Map.of("substructure", "C1CCC1", "limit", "500");

        JsonPath first = StructureSearchTest.search(chemist, query);
        assertEquals(Boolean.FALSE, first.get("complete"));
        assertTrue(first.getList("items").size() <= 1, "one candidate examined");
        assertNotNull(first.getString("next_cursor"));

        List<String> found = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean sawIncomplete = false;
        JsonPath page;
        do {
            Map<String, String> params = new LinkedHashMap<>(query);
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            page = StructureSearchTest.search(chemist, params);
            sawIncomplete |= Boolean.FALSE.equals(page.get("complete"));
            for (String id : page.getList("items.id", String.class)) {
                assertFalse(found.contains(id), "served twice: " + id);
                found.add(id);
            }
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertTrue(sawIncomplete);
        assertEquals(Boolean.TRUE, page.get("complete"), "the last page examined the last candidate");
        assertEquals(matching, new HashSet<>(found));
    }
}
