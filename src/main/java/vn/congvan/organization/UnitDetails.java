package vn.congvan.organization;

/**
 * The editable description of a unit: its name, the short name printed on documents under the parent's name
 * (blank means the name), the symbol code of its dispatch numbers and the place name printed before the date.
 */
public record UnitDetails(String name, String shortName, String symbolCode, String placeName) {}
