package vn.congvan.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A named set of units that dispatches are addressed to as a whole ("Cấp ủy cơ sở đảng"). Changing the members
 * changes who later dispatches reach; dispatches already sent keep the units they were resolved to.
 */
@Entity
@Table(name = "unit_group")
class UnitGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private String code;

    private String name;

    private String description;

    @Column(updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "unit_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "unit_id")
    private Set<Long> memberUnitIds = new LinkedHashSet<>();

    protected UnitGroup() {}

    UnitGroup(String code, String name, String description, Instant now) {
        this.code = Unit.requireText(code, "code");
        this.name = Unit.requireText(name, "name");
        this.description = Unit.blankToNull(description);
        this.createdAt = now;
    }

    void add(Long unitId) {
        memberUnitIds.add(unitId);
    }

    void rename(String name, String description) {
        this.name = Unit.requireText(name, "name");
        this.description = Unit.blankToNull(description);
    }

    /** The group consists of exactly these units from now on. */
    void replaceMembers(Collection<Long> unitIds) {
        memberUnitIds.retainAll(Set.copyOf(unitIds));
        memberUnitIds.addAll(unitIds);
    }

    void checkVersion(long expected) {
        if (version != expected) {
            throw new ObjectOptimisticLockingFailureException(UnitGroup.class, id);
        }
    }

    Set<Long> getMemberUnitIds() {
        return Set.copyOf(memberUnitIds);
    }

    long getVersion() {
        return version;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    UnitGroupSummary toSummary() {
        return new UnitGroupSummary(id, code, name, description, Set.copyOf(memberUnitIds));
    }
}
