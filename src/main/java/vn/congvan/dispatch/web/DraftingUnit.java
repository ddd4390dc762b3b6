package vn.congvan.dispatch.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The kinds of body a heading or a unit's name may abbreviate ("UBND QUẬN 1" for "Ủy ban nhân dân Quận 1", NĐ 30
     * writes the kind in full, many headings and unit trees do not), as whole words, with or without a full stop.
     */
    private static final Map<String, String> KIND_ABBREVIATIONS = Map.of(
            "ubnd", "Ủy ban nhân dân",
            "hđnd", "Hội đồng nhân dân",
            "ubmttq", "Ủy ban Mặt trận Tổ quốc",
            "mttq", "Mặt trận Tổ quốc",
            "bch", "Ban Chấp hành",
            "btv", "Ban Thường vụ",
            "tp", "Thành phố",
            "tx", "Thị xã");

    private static final Pattern KIND_ABBREVIATION =
            Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(UBND|HĐND|UBMTTQ|MTTQ|BCH|BTV|TP|TX)\\.?(?![\\p{L}\\p{N}])");

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

    /**
     * A name compared without case, accents or spaces, as the extraction compares a type's name, with the kind of body
     * written in full where it is abbreviated.
     */
    static String comparable(String name) {
        if (name == null) {
            return Extraction.plain(null);
        }
        Matcher abbreviation = KIND_ABBREVIATION.matcher(name);
        StringBuilder written = new StringBuilder();
        while (abbreviation.find()) {
            String kind = KIND_ABBREVIATIONS.get(abbreviation.group(1).toLowerCase(Locale.ROOT));
            abbreviation.appendReplacement(written, Matcher.quoteReplacement(" " + kind + " "));
        }
        abbreviation.appendTail(written);
        return Extraction.plain(written.toString());
    }
}
