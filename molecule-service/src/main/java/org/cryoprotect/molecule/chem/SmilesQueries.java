package org.cryoprotect.molecule.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.isomorphism.matchers.QueryBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * A SMILES structure as a substructure query: atoms match by element and aromaticity (and formal charge
 * only where the query atom is charged), bonds by aliphatic order or aromaticity; hydrogen counts,
 * isotopes and stereo are not compared. {@link PathScreen} labels paths with exactly these properties.
 */
final class SmilesQueries {

    private SmilesQueries() {
    }

    /** Null when an atom has no element (a wildcard): such a query is read as SMARTS instead. */
    static QueryAtomContainer of(IAtomContainer structure) {
        QueryAtomContainer query = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        for (IAtom atom : structure.atoms()) {
            Integer element = atom.getAtomicNumber();
            if (element == null || element == 0) {
                return null;
            }
            Expr expr = new Expr(atom.isAromatic() ? Expr.Type.AROMATIC_ELEMENT : Expr.Type.ALIPHATIC_ELEMENT, element);
            Integer charge = atom.getFormalCharge();
            if (charge != null && charge != 0) {
                expr.and(new Expr(Expr.Type.FORMAL_CHARGE, charge));
            }
            query.addAtom(MatchDeadline.atom(expr));
        }
        for (IBond bond : structure.bonds()) {
            Expr expr = bond.isAromatic() ? new Expr(Expr.Type.IS_AROMATIC)
                    : new Expr(Expr.Type.ALIPHATIC_ORDER, bond.getOrder().numeric());
            query.addBond(new QueryBond(query.getAtom(bond.getBegin().getIndex()), query.getAtom(bond.getEnd().getIndex()),
                    expr));
        }
        return query;
    }
}
