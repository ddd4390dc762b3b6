package vn.congvan.demo;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.organization.OrganizationDirectory;

/**
 * 3080-CV/BTGTU in the district board's incoming register, with 65-CV/BTGQU as its forwarding. The portal writes an
 * entry only for a unit that has a clerk when the dispatch is published, and the demo's clerk is opened after the
 * samples ({@link DemoAccounts}); so, once the accounts exist, the city dispatch is received as the publication would
 * have done it. Receiving it again changes nothing.
 */
@Component
@ConditionalOnBooleanProperty("congvan.demo.enabled")
@Order(3)
class DemoIncoming implements ApplicationRunner {

    private final DemoData demo;

    private final IncomingRegister incoming;

    private final OrganizationDirectory organization;

    DemoIncoming(DemoData demo, IncomingRegister incoming, OrganizationDirectory organization) {
        this.demo = demo;
        this.incoming = incoming;
        this.organization = organization;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    void load() {
        Long board = organization.unitByCode("QU-Q1.BTG").orElseThrow().id();
        incoming.receive(demo.load().city().id(), List.of(board));
    }
}
