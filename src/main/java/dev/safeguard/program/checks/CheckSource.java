package dev.safeguard.program.checks;

import dev.safeguard.program.EvaluationCheck;
import java.util.List;

/** A group of evaluation checks; every bean of this type is collected by {@link dev.safeguard.program.Evaluation}. */
public interface CheckSource {

    List<EvaluationCheck> checks();
}
