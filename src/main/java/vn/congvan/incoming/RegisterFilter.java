package vn.congvan.incoming;

import java.time.LocalDate;

/**
 * What the register page keeps: one year, and optionally a type, a range of dates received, a sender and a text in
 * the number or subject. Null parts keep everything.
 */
public record RegisterFilter(int year, String typeCode, LocalDate from, LocalDate to, String sender, String text) {}
