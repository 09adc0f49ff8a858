package io.atelier.adapter.export;

import io.atelier.domain.Language;
import io.atelier.domain.Note;
import io.atelier.domain.Pillar;
import io.atelier.domain.Vote;
import java.util.List;
import java.util.Map;

/**
 * A canvas's dot vote in the Markdown export (EX1, DV3): its settings, then the closed vote's notes
 * ranked, tied notes sharing their rank; notes without a dot are counted, not listed. An open vote
 * is only announced: its totals are not known until it closes. Its words live here, as the round
 * table's do in {@link RoundTableMarkdown}.
 */
final class VoteMarkdown {
  private VoteMarkdown() {}

  static void append(
      StringBuilder out,
      Vote vote,
      Map<String, Note> notes,
      Map<Pillar, String> pillarNames,
      Language language) {
    boolean en = language == Language.EN;
    out.append("\n### ").append(en ? "Dot voting" : "Vote par points").append("\n\n*");
    out.append(points(vote.dotsPerPerson(), en)).append(en ? " per person" : " par personne");
    if (vote.maxPerNote() != null) {
      out.append(en ? " · at most " : " · au plus ")
          .append(vote.maxPerNote())
          .append(en ? " per note" : " par note");
    }
    out.append(" · ")
        .append(
            vote.pillar() == null
                ? (en ? "whole canvas" : "tout le canevas")
                : (en ? "pillar " : "pilier ")
                    + MarkdownText.inline(pillarNames.get(vote.pillar())));
    if (vote.secret()) {
      out.append(en ? " · secret until closed" : " · secret jusqu’à la clôture");
    }
    out.append("*\n\n");
    if (vote.open()) {
      out.append(
          en
              ? "*Voting is still open: the results are known once it closes.*\n"
              : "*Le vote est en cours : les résultats seront connus à sa clôture.*\n");
      return;
    }
    int withoutDots = 0;
    for (Vote.Result result : vote.results()) {
      Note note = notes.get(result.noteId());
      if (note == null) {
        continue; // deleted since the vote closed
      }
      if (result.dots() == 0) {
        withoutDots++;
        continue;
      }
      List<String> lines = MarkdownText.lines(note.text());
      out.append("- **").append(result.rank()).append(".** ");
      out.append(
          lines.isEmpty()
              ? (en ? "*(empty note)*" : "*(note vide)*")
              : String.join("\\\n  ", lines));
      out.append(" — **").append(points(result.dots(), en)).append("** (");
      out.append(people(result.voters(), en)).append(")\n");
    }
    if (withoutDots > 0) {
      out.append(withoutDots == vote.results().size() ? "" : "\n")
          .append('*')
          .append(withoutDots)
          .append(
              en
                  ? (withoutDots == 1 ? " note without a dot.*" : " notes without a dot.*")
                  : (withoutDots == 1 ? " note sans point.*" : " notes sans point.*"))
          .append("\n");
    }
  }

  private static String points(int count, boolean en) {
    if (en) {
      return count + (count == 1 ? " dot" : " dots");
    }
    return count + (count == 1 ? " point" : " points");
  }

  private static String people(int count, boolean en) {
    if (en) {
      return count + (count == 1 ? " person" : " people");
    }
    return count + (count == 1 ? " personne" : " personnes");
  }
}
