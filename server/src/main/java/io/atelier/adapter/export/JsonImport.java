package io.atelier.adapter.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.application.StoredImage;
import io.atelier.domain.Access;
import io.atelier.domain.AgendaStep;
import io.atelier.domain.Canvas;
import io.atelier.domain.Checks;
import io.atelier.domain.Cluster;
import io.atelier.domain.FacilitationState;
import io.atelier.domain.ImageFormat;
import io.atelier.domain.ImageRefusedException;
import io.atelier.domain.ImageRules;
import io.atelier.domain.InvalidValueException;
import io.atelier.domain.Language;
import io.atelier.domain.Membership;
import io.atelier.domain.Note;
import io.atelier.domain.NoteColor;
import io.atelier.domain.Participant;
import io.atelier.domain.ParticipantId;
import io.atelier.domain.Pillar;
import io.atelier.domain.Privacy;
import io.atelier.domain.Progress;
import io.atelier.domain.RoleMarker;
import io.atelier.domain.RoundTable;
import io.atelier.domain.StepKind;
import io.atelier.domain.Timer;
import io.atelier.domain.Vote;
import io.atelier.domain.WorkshopContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON export back (EX2), strictly: the format and version must be this server's, every
 * field must be there with its type, no field may be unknown, the domain's records check every
 * value, and {@link WorkshopContent#requireConsistent()} every reference. Anything else is a {@link
 * BadExportException} naming the place.
 */
public final class JsonImport {
  /**
   * What the read participants hold for a token hash: not a hash of anything, so no token matches
   * it. The importing service gives each participant a fresh one anyway.
   */
  public static final String UNCLAIMED = "unclaimed";

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonImport() {}

  public static WorkshopExport read(byte[] document) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new BadExportException(
          "The file is not valid JSON ("
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : ", line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + ").");
    } catch (IOException e) {
      throw new BadExportException("The file could not be read.");
    }
    if (root == null || root.isMissingNode()) {
      throw new BadExportException("The file is empty.");
    }
    if (!root.isObject() || !JsonExport.FORMAT.equals(root.path("format").textValue())) {
      throw new BadExportException(
          "This file is not an Atelier export (its \"format\" is not \""
              + JsonExport.FORMAT
              + "\").");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != JsonExport.VERSION) {
      throw new BadExportException(
          "Export version "
              + (version == null ? "(none)" : version.toString())
              + " is not supported; this server reads version "
              + JsonExport.VERSION
              + ".");
    }
    return document(StrictObject.of(root, ""));
  }

  private static WorkshopExport document(StrictObject root) {
    root.text("format");
    root.integer("version");
    root.integer("exportedAt");
    StrictObject workshop = root.object("workshop");
    String title = workshop.text("title");
    String language = workshop.text("language");
    long createdAt = workshop.integer("createdAt");
    workshop.done();

    List<Participant> participants = new ArrayList<>();
    for (StrictObject p : root.objects("participants")) {
      participants.add(participant(p));
    }
    List<Canvas> canvases = new ArrayList<>();
    for (StrictObject c : root.objects("canvases")) {
      String id = c.text("id");
      String name = c.text("name");
      String template = c.text("template");
      long at = c.integer("createdAt");
      boolean locked = optionalFlag(c, "locked");
      c.done();
      canvases.add(c.build(() -> new Canvas(id, name, template, at, false, locked)));
    }
    Map<ParticipantId, String> groups = new LinkedHashMap<>();
    for (Map.Entry<String, String> group : root.textMap("groups")) {
      groups.put(
          root.build(() -> new ParticipantId(group.getKey())),
          root.build(() -> Checks.identifier(group.getValue(), "canvasId")));
    }
    List<RoleMarker> roles = new ArrayList<>();
    for (StrictObject r : root.objects("roles")) {
      String participantId = r.text("participantId");
      String pillar = r.text("pillar");
      String role = r.text("role");
      r.done();
      roles.add(
          r.build(
              () ->
                  new RoleMarker(new ParticipantId(participantId), Pillar.fromCode(pillar), role)));
    }
    List<AgendaStep> agenda = new ArrayList<>();
    for (StrictObject s : root.objects("agenda")) {
      agenda.add(step(s));
    }
    Progress progress = progress(root.object("progress"));
    Timer timer = timer(root.object("timer"));
    RoundTable roundTable = RoundTableJson.read(root);
    // An export from before AT1 does not say who is remote: nobody.
    List<ParticipantId> remote =
        root.has("remote") ? RoundTableJson.ids(root, "remote") : List.of();
    Membership membership =
        root.has("membership") ? membership(root.object("membership")) : Membership.OPEN;
    Privacy privacy = root.has("privacy") ? privacy(root.object("privacy")) : Privacy.NONE;
    // An export from before CL1 holds no clusters.
    List<Cluster> clusters = new ArrayList<>();
    if (root.has("clusters")) {
      for (StrictObject k : root.objects("clusters")) {
        clusters.add(cluster(k));
      }
    }
    List<Vote> votes = VotesJson.read(root); // DV: none in exports from before dot voting
    List<Note> notes = new ArrayList<>();
    for (StrictObject n : root.objects("notes")) {
      notes.add(note(n));
    }
    List<StoredImage> images = new ArrayList<>();
    for (StrictObject i : root.objects("images")) {
      images.add(image(i));
    }
    if (images.size() > ImageRules.MAX_PER_WORKSHOP) {
      throw new BadExportException(
          "images: a workshop holds at most " + ImageRules.MAX_PER_WORKSHOP + " images");
    }
    root.done();

    return root.build(
        () -> {
          WorkshopContent content =
              new WorkshopContent(
                  participants,
                  notes,
                  new FacilitationState(
                      canvases,
                      groups,
                      roles,
                      agenda,
                      progress,
                      timer,
                      roundTable,
                      remote,
                      membership,
                      privacy,
                      clusters,
                      votes));
          return new WorkshopExport(
              title, Language.fromCode(language), createdAt, content.requireConsistent(), images);
        });
  }

  private static Cluster cluster(StrictObject k) {
    String id = k.text("id");
    String canvasId = k.text("canvasId");
    String title = k.text("title");
    List<String> noteIds = k.texts("noteIds");
    k.done();
    return k.build(() -> new Cluster(id, canvasId, title, noteIds));
  }

  /** A flag later versions added (LK1, LK2): false in an export made before it existed. */
  private static boolean optionalFlag(StrictObject object, String name) {
    return object.has(name) && object.bool(name);
  }

  /** An image is what its bytes are: the id must be their hash, the type what they start as. */
  private static StoredImage image(StrictObject i) {
    String id = i.text("id");
    String contentType = i.text("contentType");
    String data = i.text("data");
    i.done();
    return i.build(
        () -> {
          byte[] bytes;
          try {
            bytes = Base64.getDecoder().decode(data);
          } catch (IllegalArgumentException e) {
            throw new InvalidValueException("data must be base64");
          }
          ImageFormat format;
          try {
            format = ImageRules.check(contentType, bytes);
          } catch (ImageRefusedException e) {
            throw new InvalidValueException(e.getMessage());
          }
          if (!ImageRules.idOf(bytes).equals(id)) {
            throw new InvalidValueException("id is not the SHA-256 of the image's bytes");
          }
          return StoredImage.of(format, bytes);
        });
  }

  private static Participant participant(StrictObject p) {
    String id = p.text("id");
    String name = p.text("name");
    String color = p.text("color");
    p.done();
    if (!COLOR.matcher(color).matches()) {
      throw new BadExportException(p.path() + ".color must be a colour such as #1971c2");
    }
    return p.build(() -> new Participant(new ParticipantId(id), name, color, UNCLAIMED));
  }

  private static AgendaStep step(StrictObject s) {
    String id = s.text("id");
    String kind = s.text("kind");
    String title = s.text("title");
    String body = s.text("body");
    int minutes = s.smallInteger("minutes");
    String template = s.optionalText("template");
    Integer pillarMinutes = s.optionalSmallInteger("pillarMinutes");
    s.done();
    return s.build(
        () ->
            new AgendaStep(
                id, StepKind.fromCode(kind), title, body, minutes, template, pillarMinutes));
  }

  private static Progress progress(StrictObject p) {
    String current = p.optionalText("currentStepId");
    Long stepStartedAt = p.optionalInteger("stepStartedAt");
    Long agendaStartedAt = p.optionalInteger("agendaStartedAt");
    boolean roaming = p.bool("roaming");
    String focus = p.optionalText("focusPillar");
    p.done();
    return p.build(
        () ->
            new Progress(
                current,
                stepStartedAt,
                agendaStartedAt,
                roaming,
                focus == null ? null : Pillar.fromCode(focus)));
  }

  private static Timer timer(StrictObject t) {
    String status = t.text("status");
    long durationMs = t.integer("durationMs");
    Long deadline = t.optionalInteger("deadline");
    Long remainingMs = t.optionalInteger("remainingMs");
    t.done();
    return t.build(
        () -> {
          if (durationMs < 0 || (remainingMs != null && remainingMs < 0)) {
            throw new InvalidValueException("a timer's durations are not negative");
          }
          return new Timer(Timer.Status.fromCode(status), durationMs, deadline, remainingMs);
        });
  }

  private static Note note(StrictObject n) {
    String id = n.text("id");
    String canvasId = n.text("canvasId");
    double x = n.number("x");
    double y = n.number("y");
    double width = n.number("width");
    double height = n.number("height");
    String text = n.text("text");
    String color = n.text("color");
    long z = n.integer("z");
    String createdBy = n.optionalText("createdBy"); // PW2: null on an anonymous canvas
    long createdAt = n.integer("createdAt");
    boolean locked = optionalFlag(n, "locked");
    n.done();
    return n.build(
        () ->
            new Note(
                id,
                canvasId,
                x,
                y,
                width,
                height,
                text,
                NoteColor.fromCode(color),
                z,
                createdBy == null ? null : new ParticipantId(createdBy),
                createdAt,
                false,
                locked));
  }

  /** RO: an export never holds a passcode, so the copy asks none until its facilitator sets one. */
  private static Membership membership(StrictObject node) {
    Map<ParticipantId, Access> access = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : node.textMap("access")) {
      access.put(
          node.build(() -> new ParticipantId(entry.getKey())),
          node.build(() -> Access.fromCode(entry.getValue())));
    }
    List<ParticipantId> removed = RoundTableJson.ids(node, "removed");
    boolean locked = node.bool("locked");
    node.done();
    return node.build(() -> new Membership(access, removed, locked, null));
  }

  /** PW: which canvases are private or anonymous, so a copy keeps its promises. */
  private static Privacy privacy(StrictObject node) {
    List<String> privateCanvases = node.texts("private");
    List<String> anonymousCanvases = node.texts("anonymous");
    node.done();
    return new Privacy(privateCanvases, anonymousCanvases);
  }
}
