package vn.congvan;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesUseOnlyEachOthersApiAndHaveNoCycles() {
        ApplicationModules.of(CongvanApplication.class).verify();
    }
}
