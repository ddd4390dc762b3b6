package vn.congvan.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.congvan.organization.UnitGroupSummary;

/** A group of units: its code is set once, at creation; name, description and members can change. */
public class GroupForm {

    @NotBlank
    @Size(max = 35)
    @Pattern(regexp = "[A-Za-z0-9._-]*")
    private String code;

    @NotBlank
    @Size(max = 255)
    private String name;

    @Size(max = 1000)
    private String description;

    private Set<Long> memberUnitIds = new LinkedHashSet<>();

    private long version;

    static GroupForm of(UnitGroupSummary group, long version) {
        GroupForm form = new GroupForm();
        form.code = group.code();
        form.name = group.name();
        form.description = group.description();
        form.memberUnitIds = new LinkedHashSet<>(group.memberUnitIds());
        form.version = version;
        return form;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Set<Long> getMemberUnitIds() {
        return memberUnitIds;
    }

    public void setMemberUnitIds(Set<Long> memberUnitIds) {
        this.memberUnitIds = memberUnitIds == null ? new LinkedHashSet<>() : memberUnitIds;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
