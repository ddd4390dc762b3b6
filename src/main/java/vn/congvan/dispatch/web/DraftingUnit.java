package vn.congvan.dispatch.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.congvan.extraction.Extraction;
import vn.congvan.organization.UnitSummary;

/**
 * The unit a clerk drafts for, with the bodies above it in the unit tree (parent first, however deep), which decides
 * whether a document dropped on the drafting form is the unit's own (a copy to reuse) or another body's (cited, ADR
 * 0065).
 */
record DraftingUnit(UnitSummary unit, List<UnitSummary> above) {

    /** A Party committee's name, "Quận ủy Quận 1": the word of its tier, "ủy", the rest (ADR 0065, 2026-11-30). */
    private static final Pattern COMMITTEE = Pattern.compile("(?iu)^\\s*(\\S+)\\s+[uủ][yỷý]\\s+(.+)$");

    DraftingUnit {
        above = List.copyOf(above);
    }

    /**
     * Whether the document read is the unit's own. Its heading names the unit in full (issuer and body above); or it
     * names the unit's name as issuer, or its ký hiệu holds the unit's symbol ("CV/BTGQU", "QĐ-UBND") under a heading
     * of the unit's short name or none; and then the body above, where the heading prints one, must be one of the
     * unit's own ancestors. A symbol and a short name do not tell alone: every district's propaganda board is "Ban
     * Tuyên giáo" and signs "BTGQU", every People's Committee signs "UBND".
     */
    boolean owns(Extraction read) {
        String printed = Stream.of(read.issuer(), read.issuerParent())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        if (!printed.isEmpty() && comparable(printed).equals(comparable(unit.name()))) {
            return true;
        }
        if (!underOwnParent(read.issuerParent())) {
            return false;
        }
        if (!comparable(read.issuer()).isEmpty() && comparable(read.issuer()).equals(comparable(unit.name()))) {
            return true;
        }
        String symbol = unit.symbolCode();
        String notation = read.notation();
        if (symbol == null || symbol.isBlank() || notation == null) {
            return false;
        }
        boolean signed = Stream.of(notation.split("[-/–]"))
                .anyMatch(part -> comparable(part).equals(comparable(symbol)));
        boolean headed = read.issuer() == null
                || read.issuer().isBlank()
                || comparable(read.issuer()).equals(comparable(unit.shortName()));
        return signed && headed;
    }

    /**
     * Whether the body above printed in the heading can be the unit's: none printed, or a unit at the root (nothing
     * above it to compare), or the unit's name ends with it ("Ban Tuyên giáo Quận ủy Quận 1"), or an ancestor bears it
     * as its name or short name, or as the Party organisation a committee leads: "Đảng bộ Quận 1" is led by "Quận ủy
     * Quận 1", "Đảng bộ tỉnh Quảng Nam" by "Tỉnh ủy Quảng Nam" (HD 36 prints a committee's heading under its Đảng bộ).
     */
    private boolean underOwnParent(String parent) {
        String printed = comparable(parent);
        if (printed.isEmpty() || above.isEmpty() || comparable(unit.name()).endsWith(printed)) {
            return true;
        }
        return above.stream().anyMatch(ancestor -> bears(ancestor, printed));
    }

    private static boolean bears(UnitSummary ancestor, String printed) {
        if (printed.equals(comparable(ancestor.name())) || printed.equals(comparable(ancestor.shortName()))) {
            return true;
        }
        Matcher committee = COMMITTEE.matcher(ancestor.name() == null ? "" : ancestor.name());
        if (!committee.matches()) {
            return false;
        }
        String partyOrganisation = comparable("Đảng bộ");
        return printed.equals(partyOrganisation + comparable(committee.group(2)))
                || printed.equals(partyOrganisation + comparable(committee.group(1) + committee.group(2)));
    }

    /** A name compared without case, accents or spaces, as the extraction compares a type's name. */
    static String comparable(String name) {
        return Extraction.plain(name);
    }
}
