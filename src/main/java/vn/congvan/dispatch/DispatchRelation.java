package vn.congvan.dispatch;

import org.springframework.modulith.NamedInterface;

/** How a dispatch stands to an earlier one of its issuer. */
@NamedInterface("events")
public enum DispatchRelation {
    /** Đính chính: corrects a format or procedural error of the earlier one. */
    CORRECTS,
    /** Thay thế: replaces the earlier one, which had an error of content. */
    REPLACES
}
