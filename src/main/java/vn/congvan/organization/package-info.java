/**
 * The unit tree (đơn vị) with validity dates and successions, named groups of units, and their administration.
 * Depends on no other module; everything that names a unit refers to it by id.
 */
@ApplicationModule(
        displayName = "Organization (Đơn vị)",
        allowedDependencies = {})
package vn.congvan.organization;

import org.springframework.modulith.ApplicationModule;
