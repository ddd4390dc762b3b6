package vn.congvan.organization.web;

/** The new parent of a unit (none: the unit becomes a root), with the version the administrator started from. */
public class UnitMoveForm {

    private Long parentId;

    private long version;

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
