package ganstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ENGINE.md, checked on the compiled classes (so a call by a class's full name counts as a
 * dependency, which an import grep misses): config, data, nn, train, runs, media, metrics, tricks and sweep below;
 * cli and ui on top and apart; the root package (Main) above all.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ganstudio");
    }

    @Test
    void onlyTheUiSeesJavaFx() {
        noClasses().that().resideOutsideOfPackages("ganstudio.ui..").should().dependOnClassesThat()
                .resideInAPackage("javafx..").because("the engine and the CLI run headless").check(classes);
    }

    @Test
    void theCliDoesNotDependOnTheUi() {
        noClasses().that().resideInAPackage("ganstudio.cli..").should().dependOnClassesThat()
                .resideInAPackage("ganstudio.ui..").because("the CLI runs where there is no display; Main starts the "
                        + "studio").check(classes);
    }

    @Test
    void theUiDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("ganstudio.ui..").should().dependOnClassesThat()
                .resideInAPackage("ganstudio.cli..").check(classes);
    }

    @Test
    void nothingBelowTheCliAndUiDependsOnThem() {
        noClasses().that().resideInAnyPackage("ganstudio.config..", "ganstudio.data..", "ganstudio.nn..",
                "ganstudio.train..", "ganstudio.runs..", "ganstudio.media..", "ganstudio.metrics..",
                "ganstudio.tricks..", "ganstudio.sweep..").should().dependOnClassesThat()
                .resideInAnyPackage("ganstudio.cli..", "ganstudio.ui..").check(classes);
    }

    @Test
    void onlyTrainingAndWhatDrivesItKnowTheTrainingLoops() {
        noClasses().that().resideInAnyPackage("ganstudio.config..", "ganstudio.data..", "ganstudio.nn..",
                "ganstudio.tricks..", "ganstudio.runs..", "ganstudio.media..", "ganstudio.metrics..",
                "ganstudio.sweep..").should().dependOnClassesThat().resideInAPackage("ganstudio.train..")
                .because("a sweep runs tasks as processes and reads their folders; data, layers and tricks know "
                        + "nothing of loops").check(classes);
    }

    @Test
    void onlyTheEngineLayersUseDjl() {
        noClasses().that().resideInAnyPackage("ganstudio.config..", "ganstudio.data..", "ganstudio.runs..",
                "ganstudio.media..", "ganstudio.metrics..", "ganstudio.sweep..").should().dependOnClassesThat()
                .resideInAPackage("ai.djl..").because("files, pictures and reports are read and written without "
                        + "an engine").check(classes);
    }

    @Test
    void theUiNeverHoldsAnNdArray() {
        noClasses().that().resideInAPackage("ganstudio.ui..").should().dependOnClassesThat()
                .resideInAPackage("ai.djl.ndarray..").because("arrays live on the training thread; the UI gets numbers "
                        + "and pixels").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("ganstudio.(**)").should().beFreeOfCycles().check(classes);
    }
}
