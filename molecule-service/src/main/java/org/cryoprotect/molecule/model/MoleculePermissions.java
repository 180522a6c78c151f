package org.cryoprotect.molecule.model;

/**
 * What the caller may do with a molecule, computed under RLS by the same function the write policies
 * use ({@code chem_private.molecule_right}): a hint for user interfaces, which offer only what will
 * work; the writes themselves are still checked by the policies. {@code right} is manage, change
 * or read.
 */
public record MoleculePermissions(String right, boolean edit, boolean publish, boolean delete) {

    public static MoleculePermissions of(String right) {
        boolean manage = "manage".equals(right);
        boolean change = manage || "change".equals(right);
        return new MoleculePermissions(right, change, manage, manage);
    }
}
