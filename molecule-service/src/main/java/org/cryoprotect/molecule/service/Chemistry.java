package org.cryoprotect.molecule.service;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.problem.ServiceUnavailableException;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.StructureTooComplexException;
import org.cryoprotect.molecule.chem.SubstructureQuery;

import io.smallrye.mutiny.Uni;

/**
 * CDK work on the chemistry threads, within the time budget. An invalid structure becomes a 422 that
 * says why; one too large or too slow a 422 "too complex"; no free chemistry thread a 503.
 */
@ApplicationScoped
public class Chemistry {

    private final StructureCalculator calculator;
    private final ChemistryWorkers workers;

    public Chemistry(StructureCalculator calculator, ChemistryWorkers workers) {
        this.calculator = calculator;
        this.workers = workers;
    }

    public Uni<ComputedStructure> compute(String smiles) {
        return run(() -> calculator.compute(smiles)).onFailure().transform(Chemistry::asProblem);
    }

    /** The InChIKey of the parent of {@code smiles} (exact-match search); {@code parameter} names the query in a 422. */
    public Uni<String> parentInchikey(String parameter, String smiles) {
        return run(() -> calculator.identity(smiles).parentInchikey()).onFailure().transform(e -> asProblem(parameter, e));
    }

    public Uni<Fingerprint> similarityQuery(String parameter, String smiles) {
        return run(() -> calculator.similarityQuery(smiles)).onFailure().transform(e -> asProblem(parameter, e));
    }

    /** Parsed on a chemistry thread; matched later on chemistry threads, one at a time. */
    public Uni<SubstructureQuery> substructureQuery(String parameter, String smilesOrSmarts) {
        return run(() -> calculator.substructureQuery(smilesOrSmarts)).onFailure().transform(e -> asProblem(parameter, e));
    }

    public Uni<String> depict(String smiles) {
        return run(() -> calculator.depictSvg(smiles)).onFailure().transform(Chemistry::asProblem);
    }

    /**
     * {@code work} on a chemistry thread. Fails with {@link StructureTooComplexException} when it runs
     * out of the time budget (or the stack), with a 503 problem when no thread is free, else as
     * {@code work} does.
     */
    <T> Uni<T> run(Callable<T> work) {
        return workers.run(work).onFailure().transform(failure -> {
            if (failure instanceof ChemistryWorkers.OverBudget || failure instanceof StackOverflowError) {
                return new StructureTooComplexException("the computation " + (failure instanceof StackOverflowError
                        ? "nests too deeply" : failure.getMessage()));
            }
            if (failure instanceof ChemistryWorkers.Busy) {
                return new ServiceUnavailableException("The chemistry workers are busy; retry shortly", 1, failure);
            }
            return failure;
        });
    }

    /** The reason a record or request is refused, as a chemist reads it. */
    static String reason(InvalidStructureException e) {
        return (e instanceof StructureTooComplexException ? "Structure too complex: " : "Invalid structure: ") + e.getMessage();
    }

    private static Throwable asProblem(String parameter, Throwable failure) {
        return failure instanceof InvalidStructureException invalid
                ? ProblemException.unprocessable(parameter + ": " + reason(invalid)) : failure;
    }

    private static Throwable asProblem(Throwable failure) {
        return failure instanceof InvalidStructureException invalid ? ProblemException.unprocessable(reason(invalid)) : failure;
    }
}
