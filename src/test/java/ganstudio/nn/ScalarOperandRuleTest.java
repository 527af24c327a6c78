package ganstudio.nn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * No code passes a Java number to an NDArray operation whose backward pass keeps it: DJL puts the number in
 * memory that a garbage collection may free before the backward pass reads it ({@link Scalars}).
 */
class ScalarOperandRuleTest {

    /** The operations whose gradient needs the other operand (add and sub do not; comparisons have none). */
    private static final Set<String> KEEPS_OPERAND = Set.of("mul", "muli", "div", "divi", "pow", "powi", "maximum",
            "minimum", "rdiv", "rdivi", "rpow", "rpowi", "mod", "modi");

    private static final DescribedPredicate<JavaMethodCall> NUMBER_OPERAND =
            new DescribedPredicate<>("an NDArray operation that keeps a Number operand for its backward pass") {
                @Override
                public boolean test(JavaMethodCall call) {
                    var target = call.getTarget();
                    boolean onArrays = target.getOwner().isAssignableTo(NDArray.class)
                            || target.getOwner().isEquivalentTo(NDArrays.class);
                    return onArrays && KEEPS_OPERAND.contains(target.getName()) && target.getRawParameterTypes()
                            .stream().anyMatch(t -> t.isEquivalentTo(Number.class));
                }
            };

    @Test
    void noNumberOperandsThatAutogradKeeps() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ganstudio");
        noClasses().should().callMethodWhere(NUMBER_OPERAND)
                .because("DJL frees a Number operand's buffer while autograd still holds it; use ganstudio.nn.Scalars")
                .check(classes);
    }
}
