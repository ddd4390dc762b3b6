package vn.congvan.organization;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

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

/** A named set of units that dispatches are addressed to as a whole ("Cấp ủy cơ sở đảng"). */
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

    protected UnitGroup() {
    }

    UnitGroup(String code, String name, String description, Instant now) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    void add(Long unitId) {
        memberUnitIds.add(unitId);
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
