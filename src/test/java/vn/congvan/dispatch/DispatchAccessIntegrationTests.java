package vn.congvan.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * The access policy's three forms agree: the predicate (asked of the aggregate by the catalogue), the SQL condition
 * over the dispatch table (files) and over a published copy with a recipient array (search), and the public rule in
 * JPQL (public listing, feed). Every state, visibility and recipient is crossed with every kind of viewer, a member
 * of a unit that took over an ended one included (viewers made by the one adapter), in every audience.
 */
@CongvanIntegrationTest
class DispatchAccessIntegrationTests {

    @Autowired
    DispatchManagement management;

    @Autowired
    DispatchCatalog catalog;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    Viewers viewers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityManager entities;

    @Autowired
    TransactionTemplate transaction;

    record Facts(Long id, DispatchStatus status, Visibility visibility, Long issuerUnitId, List<Long> recipients) {}

    @Test
    void predicateQueryConditionsAndPublicJpqlAgreeForEveryViewerAndAudience() {
        Issuers.Issuer issuer = Issuers.partyBoard(administration, management, "Quyền xem");
        UnitSummary district = issuer.committee();
        UnitSummary ended = Units.ward(administration, district, "Đảng ủy phường Sáp nhập A", LocalDate.of(2025, 7, 1));
        UnitSummary other = Units.ward(administration, district, "Đảng ủy phường Khác B", LocalDate.of(2025, 7, 1));
        UnitSummary successor = Units.ward(administration, district, "Đảng ủy phường Mới C", LocalDate.of(2025, 7, 1));
        CurrentUser clerk = account(issuer.board(), Role.CLERK);

        List<Facts> dispatches = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            for (UnitSummary recipient : List.of(ended, other)) {
                for (DispatchStatus status : DispatchStatus.values()) {
                    Long id = management.createDraft(
                            DispatchDrafts.partyDispatch(
                                    clerk.unitId(),
                                    visibility,
                                    "Về việc kiểm tra quyền xem " + status + " " + visibility,
                                    recipient.id()),
                            clerk);
                    if (status != DispatchStatus.DRAFT) {
                        management.publish(id, null, LocalDate.now(), clerk);
                    }
                    if (status == DispatchStatus.WITHDRAWN) {
                        management.withdraw(id, "Kiểm tra thu hồi", clerk);
                    }
                    dispatches.add(new Facts(id, status, visibility, clerk.unitId(), List.of(recipient.id())));
                }
            }
        }
        // The ward ends after the dispatches were sent to it; its successor takes its mail over.
        administration.endUnit(
                ended.id(), administration.unitForEditing(ended.id()).version(), LocalDate.now(), successor.id());

        Map<String, Viewer> people = new LinkedHashMap<>();
        people.put("anonymous", viewers.of(null));
        people.put("member of the ended ward", viewers.of(account(ended, Role.MEMBER)));
        people.put("member of another ward", viewers.of(account(other, Role.MEMBER)));
        people.put("member of the successor", viewers.of(account(successor, Role.MEMBER)));
        people.put("issuing clerk", viewers.of(clerk));
        people.put("clerk of a recipient", viewers.of(account(other, Role.CLERK)));
        people.put(
                "administrator",
                viewers.of(new CurrentUser(
                        null, "quantri-quyen-xem", "{noop}unused", "Quản trị viên", null, Set.of(Role.ADMIN), true)));
        assertThat(people.get("member of the successor").recipientUnitIds()).contains(ended.id(), successor.id());

        List<Long> ids = dispatches.stream().map(Facts::id).toList();
        List<String> disagreements = new ArrayList<>();
        int visibleSomewhere = 0;
        for (Map.Entry<String, Viewer> person : people.entrySet()) {
            Viewer viewer = person.getValue();
            for (Audience audience : Audience.values()) {
                Set<Long> bySql = dispatchTable(
                        DispatchAccess.condition(viewer, audience, DispatchAccess.Columns.ofDispatchTable("d")), ids);
                Set<Long> filesBySql = dispatchTable(
                        DispatchAccess.filesCondition(viewer, audience, DispatchAccess.Columns.ofDispatchTable("d")),
                        ids);
                Set<Long> inCopy = publishedCopy(
                        DispatchAccess.condition(
                                viewer,
                                audience,
                                DispatchAccess.Columns.ofPublishedCopy(
                                        "d.dispatch_id", "d.visibility", "d.issuer_unit_id", "d.recipient_unit_ids")),
                        ids);
                for (Facts facts : dispatches) {
                    String where = person.getKey() + ", " + audience + ", " + facts;
                    boolean sees = DispatchAccess.canSee(
                            viewer,
                            audience,
                            facts.status(),
                            facts.visibility(),
                            facts.issuerUnitId(),
                            DispatchAccess.SentTo.units(facts.recipients()));
                    boolean files = DispatchAccess.canFetchFiles(
                            viewer,
                            audience,
                            facts.status(),
                            facts.visibility(),
                            facts.issuerUnitId(),
                            DispatchAccess.SentTo.units(facts.recipients()));
                    visibleSomewhere += sees ? 1 : 0;
                    check(
                            disagreements,
                            where + ": aggregate",
                            catalog.visibleDispatch(facts.id(), viewer, audience)
                                    .isPresent(),
                            sees);
                    check(disagreements, where + ": SQL", bySql.contains(facts.id()), sees);
                    check(disagreements, where + ": files SQL", filesBySql.contains(facts.id()), files);
                    check(disagreements, where + ": files", catalog.filesAreFor(facts.id(), viewer, audience), files);
                    if (facts.status() == DispatchStatus.PUBLISHED) {
                        check(disagreements, where + ": published copy", inCopy.contains(facts.id()), sees);
                    }
                }
            }
        }
        Set<Long> byJpql = transaction.execute(status -> new HashSet<>(entities.createQuery(
                        "select d.id from Dispatch d where d.id in :ids and " + DispatchAccess.PUBLIC_JPQL, Long.class)
                .setParameter("ids", ids)
                .getResultList()));
        for (Facts facts : dispatches) {
            check(
                    disagreements,
                    "JPQL, " + facts,
                    byJpql.contains(facts.id()),
                    DispatchAccess.canSee(
                            Viewer.anonymous(),
                            Audience.PUBLIC,
                            facts.status(),
                            facts.visibility(),
                            facts.issuerUnitId(),
                            DispatchAccess.SentTo.units(facts.recipients())));
        }

        assertThat(disagreements).isEmpty();
        // Not a vacuous agreement: some combinations are seen, many are not.
        assertThat(visibleSomewhere).isBetween(1, people.size() * Audience.values().length * dispatches.size() - 1);
    }

    private Set<Long> dispatchTable(DispatchAccess.Condition condition, List<Long> ids) {
        return new HashSet<>(jdbc.sql("select d.id from dispatch d where d.id in (:ids) and " + condition.sql())
                .param("ids", ids)
                .params(condition.parameters())
                .query(Long.class)
                .list());
    }

    /** The published dispatches as the search's read model keeps them: one row each, recipients in an array. */
    private Set<Long> publishedCopy(DispatchAccess.Condition condition, List<Long> ids) {
        return new HashSet<>(jdbc.sql("""
                with copy (dispatch_id, visibility, issuer_unit_id, recipient_unit_ids) as (
                    select p.id, p.visibility, p.issuer_unit_id,
                        coalesce((select r.unit_ids from dispatch_recipient_units r where r.dispatch_id = p.id), '{}')
                    from dispatch p where p.status = 'PUBLISHED' and p.id in (:ids)
                )
                select d.dispatch_id from copy d
                """ + "where " + condition.sql())
                .param("ids", ids)
                .params(condition.parameters())
                .query(Long.class)
                .list());
    }

    private static CurrentUser account(UnitSummary unit, Role role) {
        String name = role.name().toLowerCase() + "-" + unit.code().toLowerCase();
        return new CurrentUser(null, name, "{noop}unused", name, unit.id(), Set.of(role), true);
    }

    private static void check(List<String> disagreements, String where, boolean actual, boolean expected) {
        if (actual != expected) {
            disagreements.add(where + " answered " + actual + ", the predicate " + expected);
        }
    }
}
