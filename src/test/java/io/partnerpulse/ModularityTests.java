package io.partnerpulse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PartnerPulseApplication.class);

    @Test
    void modulesDependOnlyOnEachOthersPublicFaces() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramsIntoTarget() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
