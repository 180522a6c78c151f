package org.cryoprotect.molecule.model;

import java.util.List;

/** One page of a keyset-paginated list; {@code next_cursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
