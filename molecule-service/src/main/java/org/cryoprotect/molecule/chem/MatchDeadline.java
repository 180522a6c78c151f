package org.cryoprotect.molecule.chem;

import java.util.HashMap;
import java.util.Map;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.isomorphism.matchers.QueryBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * A deadline for one substructure match. CDK's matcher never checks for interruption, and a small query
 * can take exponential time on a large ring system (a 40-atom path of wildcards ending in uranium against
 * a fused ladder ran for minutes, holding a chemistry thread long after the search answered). The matcher
 * compares a query atom at every step of its backtracking, so query atoms that check the deadline end it.
 */
final class MatchDeadline {

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private MatchDeadline() {
    }

    /** The match ran out of its time. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("the substructure match ran out of time", null, false, false);
        }
    }

    /** Runs {@code match} on this thread with a deadline ({@link System#nanoTime()}). */
    static boolean within(long deadlineNanos, java.util.function.BooleanSupplier match) {
        DEADLINE.set(new long[] {deadlineNanos});
        try {
            return match.getAsBoolean();
        } finally {
            DEADLINE.remove();
        }
    }

    static void check() {
        long[] deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline[0] >= 0) {
            throw new Expired();
        }
    }

    /** A query atom that checks the deadline before each comparison. */
    static QueryAtom atom(Expr expr) {
        return new QueryAtom(expr) {
            @Override
            public boolean matches(IAtom atom) {
                check();
                return super.matches(atom);
            }
        };
    }

    /** {@code query} (as parsed from SMARTS) with deadline-checking atoms; null when an atom is not a plain QueryAtom. */
    static QueryAtomContainer checked(QueryAtomContainer query) {
        QueryAtomContainer copy = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        Map<IAtom, IAtom> atoms = new HashMap<>();
        Map<IBond, IBond> bonds = new HashMap<>();
        for (IAtom atom : query.atoms()) {
            if (!(atom instanceof QueryAtom queryAtom) || queryAtom.getExpression() == null) {
                return null;
            }
            IAtom checked = atom(queryAtom.getExpression());
            atoms.put(atom, checked);
            copy.addAtom(checked);
        }
        for (IBond bond : query.bonds()) {
            if (!(bond instanceof QueryBond queryBond) || queryBond.getExpression() == null) {
                return null;
            }
            QueryBond checked = new QueryBond(copy.getAtom(query.indexOf(bond.getBegin())), copy.getAtom(query.indexOf(bond.getEnd())),
                    queryBond.getExpression());
            bonds.put(bond, checked);
            copy.addBond(checked);
        }
        for (IStereoElement<?, ?> stereo : query.stereoElements()) {
            copy.addStereoElement(stereo.map(atoms, bonds));
        }
        copy.setProperties(query.getProperties());
        return copy;
    }
}
