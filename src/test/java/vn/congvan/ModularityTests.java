package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module model checked and drawn from the code. The diagrams and canvases under {@code docs/modules} are
 * written anew by every run, so a change of a module's API or dependencies shows up in the diff of the commit that
 * made it.
 */
class ModularityTests {

    static final Path OUTPUT = Path.of("docs", "modules");

    static final ApplicationModules MODULES = ApplicationModules.of(CongvanApplication.class);

    @Test
    void modulesUseOnlyTheDependenciesTheyDeclareAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheComponentDiagramAndAModuleCanvasForEveryModule() throws IOException {
        Documenter documenter = new Documenter(
                        MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // The canvases would quote our Javadoc from the file spring-modulith-apt extracts, but Modulith 2.0.3 reads
        // it with Spring Boot's BasicJsonParser when Jackson 2 is absent (Boot 4 brings Jackson 3), and that parser
        // fails on an escaped quote, which our comments are full of. The canvases are written without the Javadoc.
        Path javadoc = Path.of("target", "generated-spring-modulith", "javadoc.json");
        Path aside = javadoc.resolveSibling("javadoc.json.aside");
        boolean present = Files.exists(javadoc);
        if (present) {
            Files.move(javadoc, aside, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            documenter.writeModuleCanvases();
        } finally {
            if (present) {
                Files.move(aside, javadoc, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        assertThat(OUTPUT.resolve("components.puml")).content().contains("Dispatch (Công văn)");
        MODULES.forEach(module -> assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".adoc"))
                .exists());
        MODULES.forEach(module -> assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".puml"))
                .exists());
    }
}
