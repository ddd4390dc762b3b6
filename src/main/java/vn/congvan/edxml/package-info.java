/**
 * edXML (QCVN 102:2016/BTTTT): a published dispatch leaves as an edXML message, an edXML message from another
 * e-office system enters the incoming register, and the status messages that answer a message are written and read
 * (ADR 0041). Messages are written and read as streams: the files inside them are never held whole.
 */
@ApplicationModule(
        displayName = "edXML (Liên thông văn bản)",
        allowedDependencies = {"dispatch", "incoming", "attachment", "organization", "account", "system"})
package vn.congvan.edxml;

import org.springframework.modulith.ApplicationModule;
