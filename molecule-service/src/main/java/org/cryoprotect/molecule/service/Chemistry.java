package org.cryoprotect.molecule.service;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** CDK work moved off the event loop; an invalid structure becomes a 422 that says why. */
@ApplicationScoped
public class Chemistry {

    private final StructureCalculator calculator;

    public Chemistry(StructureCalculator calculator) {
        this.calculator = calculator;
    }

    public Uni<ComputedStructure> compute(String smiles) {
        return onWorker(() -> calculator.compute(smiles));
    }

    public Uni<String> depict(String smiles) {
        return onWorker(() -> calculator.depictSvg(smiles));
    }

    public StructureCalculator calculator() {
        return calculator;
    }

    private static <T> Uni<T> onWorker(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (InvalidStructureException e) {
                throw ProblemException.unprocessable("Invalid structure: " + e.getMessage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
