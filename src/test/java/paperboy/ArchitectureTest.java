package paperboy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package-by-feature layout, checked: no two packages import each other, the domain
 * ({@code paper}) and the features below the HTTP layer ({@code web}, {@code api} and the pieces
 * both share, {@code http}) do not reach into it or into frameworks they should not need.
 */
@AnalyzeClasses(packages = "paperboy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String JAVALIN = "io.javalin..";
    private static final String LUCENE = "org.apache.lucene..";
    private static final String JDBC = "java.sql..";

    private static String feature(String name) {
        return "paperboy." + name + "..";
    }

    private static final String[] HTTP_LAYER = {feature("web"), feature("api"), feature("http"), JAVALIN};

    @ArchTest
    static final ArchRule paperIsTheDomain = noClasses().that().resideInAPackage(feature("paper"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    feature("web"), feature("api"), feature("http"), feature("search"), feature("feed"), feature("ingest"),
                    feature("cli"), JAVALIN, LUCENE)
            .because("papers are the domain every feature builds on; they know no feature and no web or search framework");

    @ArchTest
    static final ArchRule searchKnowsNoWebOrImport = noClasses().that().resideInAPackage(feature("search"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    feature("web"), feature("api"), feature("http"), feature("ingest"), feature("cli"), JAVALIN)
            .because("the search index is used by pages, API and commands alike");

    @ArchTest
    static final ArchRule ingestKnowsNoWebOrSearch = noClasses().that().resideInAPackage(feature("ingest"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    feature("web"), feature("api"), feature("http"), feature("search"), feature("cli"), JAVALIN, LUCENE)
            .because("importing writes the store; the index follows the store on its own");

    @ArchTest
    static final ArchRule feedIsPureRanking = noClasses().that().resideInAPackage(feature("feed"))
            .should().dependOnClassesThat().resideInAnyPackage(
                    feature("web"), feature("api"), feature("http"), feature("search"), feature("ingest"),
                    feature("cli"), JAVALIN, LUCENE, JDBC)
            .because("the feed ranks and pages featured papers it gets from the store, whatever the store is");

    @ArchTest
    static final ArchRule httpPiecesKnowNeitherPagesNorApi = noClasses().that().resideInAPackage(feature("http"))
            .should().dependOnClassesThat().resideInAnyPackage(feature("web"), feature("api"))
            .because("http holds what pages and the API share (errors, parameters, the page cache), so both can use it");

    @ArchTest
    static final ArchRule apiDocumentIsPlainData = noClasses().that().resideInAPackage(feature("apidoc"))
            .should().dependOnClassesThat().resideInAnyPackage(feature("web"), feature("api"), feature("http"), JAVALIN)
            .because("the API's description is read from its document alone; web serves it");

    @ArchTest
    static final ArchRule onlyTheHttpLayerServesHttp = noClasses().that().resideInAnyPackage(
                    feature("harvest"), feature("jobs"), feature("db"), feature("config"), feature("eval"))
            .should().dependOnClassesThat().resideInAnyPackage(HTTP_LAYER)
            .because("harvesting, jobs, the database, configuration and evaluation run without a web server");

    @ArchTest
    static final ArchRule commandsGetTheServerFromApp = noClasses().that().resideInAPackage(feature("cli"))
            .should().dependOnClassesThat().resideInAnyPackage(feature("web"), feature("api"), feature("http"))
            .because("serve starts the Javalin server App wires; no command reaches into pages or the API");

    @ArchTest
    static final ArchRule metricsAreReadByTheWebNotTheOtherWay = noClasses().that().resideInAPackage(feature("metrics"))
            .should().dependOnClassesThat().resideInAnyPackage(feature("web"), feature("api"), feature("http"), feature("cli"))
            .because("pages, the API and commands record into metrics; measuring knows none of them");

    @ArchTest
    static final ArchRule accountsKnowNeitherPagesNorApi = noClasses().that().resideInAPackage(feature("account"))
            .should().dependOnClassesThat().resideInAnyPackage(feature("web"), feature("api"), feature("cli"))
            .because("pages, the API and the user command ask accounts who is there; accounts render through http.PageRenderer");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("paperboy.(*)..").should().beFreeOfCycles()
            .because("a feature that imports another which imports it back cannot be understood, tested or moved alone");

    @ArchTest
    static final ArchRule noLangchain4j = noClasses().that().resideInAPackage("paperboy..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("the embedder drives ONNX Runtime itself; langchain4j only publishes the model files the build copies");

    @ArchTest
    static final ArchRule namesSayWhatThingsAre = noClasses().that().resideInAPackage("paperboy..")
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("names say what a thing is in the product's words (STYLE.md, habit 5)");
}
