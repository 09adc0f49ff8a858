package io.atelier.adapter.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Text written by people, made inert in Markdown: whatever a note says, it stays text where it is
 * put. It cannot open a heading, a list, a quote, a link, an image, an HTML tag, emphasis or a
 * table cell, because every character that could is escaped with a backslash (CommonMark escapes
 * any ASCII punctuation that way, and renderers show the character alone).
 */
final class MarkdownText {
  /** Special wherever they stand. */
  private static final String INLINE = "\\`*_[]<>&|~";

  /** Special only where a line begins: headings, list items, quotes, setext underlines. */
  private static final String LINE_START = "#+-=>";

  private MarkdownText() {}

  /** One line for a heading, a name or a label: line breaks become spaces. */
  static String inline(String text) {
    return escapeLine(text.replaceAll("\\s+", " ").strip());
  }

  /**
   * The lines of a note's text, each escaped and stripped, blank ones dropped: the caller joins
   * them with hard line breaks, so a note of several lines reads as it was written.
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        lines.add(escapeLine(stripped));
      }
    }
    return lines;
  }

  private static String escapeLine(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (INLINE.indexOf(c) >= 0 || (i == 0 && LINE_START.indexOf(c) >= 0)) {
        out.append('\\');
      }
      out.append(c);
    }
    return escapeOrderedListMarker(out.toString());
  }

  /** "1. " or "1) " at the start of a line would begin a numbered list: escape its dot. */
  private static String escapeOrderedListMarker(String line) {
    int digits = 0;
    while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    if (digits > 0
        && digits < line.length()
        && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
      return line.substring(0, digits) + "\\" + line.substring(digits);
    }
    return line;
  }
}
