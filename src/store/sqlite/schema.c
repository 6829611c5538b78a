/* schema.c — the SQLite schema as an ordered list of migrations. The
 * database records the number of migrations applied (PRAGMA user_version);
 * opening a database applies the ones it lacks, each in its own transaction.
 * Append new migrations; never edit one that has shipped. */
#include "store/sqlite/sqlite_store.h"
#include "store/sql/search_sql.h"

static const char *const migrations[] = {
    /* 1: plans, actions, people, recommendations, updates, audit. */
    "CREATE TABLE authorities ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  code TEXT"
    ");"
    "CREATE TABLE plans ("
    "  id INTEGER PRIMARY KEY,"
    "  authority_id INTEGER NOT NULL REFERENCES authorities(id),"
    "  title TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"            /* 1, 2, … per (authority, title) */
    "  version_label TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL DEFAULT '',"
    "  source_file TEXT NOT NULL DEFAULT '',"
    "  source_sha256 TEXT NOT NULL DEFAULT '',"
    "  context_year INTEGER NOT NULL DEFAULT 0,"
    "  imported_at TEXT NOT NULL,"
    "  baseline_day INTEGER,"                /* day the plan's statuses were known */
    "  superseded_by INTEGER REFERENCES plans(id),"
    "  amber_days INTEGER NOT NULL DEFAULT 14,"
    "  update_cycle_days INTEGER NOT NULL DEFAULT 30,"
    "  requires_signoff INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (authority_id, title, version)"
    ");"
    "CREATE TABLE themes ("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
    "  parent_id INTEGER REFERENCES themes(id),"
    "  position INTEGER NOT NULL,"
    "  ref TEXT NOT NULL,"
    "  title TEXT NOT NULL"
    ");"
    "CREATE INDEX themes_plan ON themes(plan_id, position);"
    "CREATE TABLE theme_outcomes ("
    "  theme_id INTEGER NOT NULL REFERENCES themes(id),"
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (theme_id, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE recommendations ("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
    "  number INTEGER NOT NULL,"
    "  text TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (plan_id, number)"
    ");"
    "CREATE TABLE people ("
    "  id INTEGER PRIMARY KEY,"
    "  authority_id INTEGER NOT NULL REFERENCES authorities(id),"
    "  label TEXT NOT NULL,"                 /* initials or name as plans write it */
    "  name TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (authority_id, label)"
    ");"
    "CREATE TABLE actions ("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
    "  theme_id INTEGER REFERENCES themes(id),"
    "  position INTEGER NOT NULL,"
    "  ref TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL DEFAULT '',"
    "  start_text TEXT NOT NULL DEFAULT '',"
    "  start_day INTEGER,"                   /* earliest day of the start */
    "  start_parse INTEGER NOT NULL DEFAULT 0,"
    "  due_text TEXT NOT NULL DEFAULT '',"
    "  due_earliest INTEGER,"
    "  due_day INTEGER,"                     /* latest due day: what overdue is measured on */
    "  due_precision INTEGER NOT NULL DEFAULT 0,"
    "  due_parse INTEGER NOT NULL DEFAULT 0,"
    "  due_vague INTEGER NOT NULL DEFAULT 0,"
    "  sro TEXT NOT NULL DEFAULT '',"
    "  leads_list TEXT NOT NULL DEFAULT '',"  /* leads joined by ';' (cache of action_people) */
    "  recs_list TEXT NOT NULL DEFAULT '',"   /* numbers joined by ';' (cache of action_recommendations) */
    "  resources TEXT NOT NULL DEFAULT '',"
    "  resources_pence INTEGER,"
    "  measure TEXT NOT NULL DEFAULT '',"
    "  impact TEXT NOT NULL DEFAULT '',"
    "  delivered_through TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL,"                /* as imported (canonical) */
    "  status_text TEXT NOT NULL DEFAULT '',"
    "  rag_manual TEXT NOT NULL DEFAULT '',"
    "  progress TEXT NOT NULL DEFAULT '',"
    "  source_line INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1,"  /* bumped by every change */
    "  cur_status TEXT NOT NULL,"            /* state after the latest update by day */
    "  cur_status_text TEXT NOT NULL DEFAULT '',"
    "  cur_rag TEXT NOT NULL DEFAULT '',"
    "  cur_rag_reason TEXT NOT NULL DEFAULT '',"
    "  cur_note TEXT NOT NULL DEFAULT '',"
    "  last_update_day INTEGER"
    ");"
    "CREATE INDEX actions_plan ON actions(plan_id, position);"
    "CREATE INDEX actions_ref ON actions(ref, plan_id);"
    "CREATE TABLE action_milestones ("
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  position INTEGER NOT NULL,"
    "  earliest INTEGER,"
    "  latest INTEGER,"
    "  precision INTEGER NOT NULL,"
    "  label TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (action_id, position)"
    ") WITHOUT ROWID;"
    /* In WITHOUT ROWID tables the key columns come first: SQLite 3.40's
     * integrity check misreports a NOT NULL column declared before a key column. */
    "CREATE TABLE action_people ("
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  role TEXT NOT NULL CHECK (role IN ('sro', 'lead')),"
    "  position INTEGER NOT NULL,"
    "  person_id INTEGER NOT NULL REFERENCES people(id),"
    "  PRIMARY KEY (action_id, role, position)"
    ") WITHOUT ROWID;"
    "CREATE INDEX action_people_person ON action_people(person_id);"
    "CREATE TABLE action_recommendations ("
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  recommendation_id INTEGER NOT NULL REFERENCES recommendations(id),"
    "  PRIMARY KEY (action_id, recommendation_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX action_recommendations_rec ON action_recommendations(recommendation_id);"
    "CREATE TABLE action_fields ("
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (action_id, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE progress_updates ("
    "  id INTEGER PRIMARY KEY,"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  day INTEGER NOT NULL,"                /* the date the update speaks for */
    "  recorded_at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  status_text TEXT NOT NULL,"
    "  rag TEXT NOT NULL DEFAULT '',"
    "  rag_reason TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  evidence TEXT NOT NULL DEFAULT '',"
    "  action_version INTEGER NOT NULL"      /* the version it was made against */
    ");"
    "CREATE INDEX progress_updates_action ON progress_updates(action_id, day, id);"
    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  operation TEXT NOT NULL,"             /* import, update, … */
    "  entity TEXT NOT NULL,"                /* plan, action */
    "  entity_id INTEGER NOT NULL,"
    "  field TEXT NOT NULL DEFAULT '',"
    "  before TEXT,"
    "  after TEXT"
    ");"
    "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);"
    /* History is never overwritten: the database itself refuses. */
    "CREATE TRIGGER progress_updates_append_only_u BEFORE UPDATE ON progress_updates"
    "  BEGIN SELECT RAISE(ABORT, 'progress updates are append-only'); END;"
    "CREATE TRIGGER progress_updates_append_only_d BEFORE DELETE ON progress_updates"
    "  BEGIN SELECT RAISE(ABORT, 'progress updates are append-only'); END;"
    "CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",

    /* 2: what importers could not read cleanly; theme kinds; savings projects. */
    "CREATE TABLE plan_findings ("
    "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
    "  position INTEGER NOT NULL,"
    "  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),"
    "  code TEXT NOT NULL,"
    "  ref TEXT NOT NULL DEFAULT '',"
    "  line INTEGER NOT NULL DEFAULT 0,"
    "  message TEXT NOT NULL,"
    "  PRIMARY KEY (plan_id, position)"
    ");"
    "ALTER TABLE themes ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE themes ADD COLUMN recommendation INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE themes ADD COLUMN mtfs_ref TEXT;"
    "ALTER TABLE themes ADD COLUMN manager TEXT;"
    "CREATE INDEX actions_due ON actions(due_day);"
    "CREATE TABLE action_links ("               /* an action carried forward into another plan */
    "  from_action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  to_action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('carried-forward')),"
    "  linked_at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  PRIMARY KEY (from_action_id, to_action_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX action_links_to ON action_links(to_action_id);"
    "CREATE TABLE users ("
    "  id INTEGER PRIMARY KEY,"
    "  login TEXT NOT NULL UNIQUE,"
    "  password_hash TEXT NOT NULL,"          /* Argon2id, libsodium's crypto_pwhash_str */
    "  role TEXT NOT NULL CHECK (role IN ('admin', 'programme', 'lead', 'board', 'viewer')),"
    "  person_label TEXT NOT NULL DEFAULT '',"  /* the initials or name plans use for them */
    "  created_at TEXT NOT NULL,"
    "  disabled INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE sessions ("
    "  token_hash TEXT PRIMARY KEY,"            /* SHA-256 of the cookie's token */
    "  user_id INTEGER NOT NULL REFERENCES users(id),"
    "  csrf TEXT NOT NULL,"
    "  created_at INTEGER NOT NULL,"            /* seconds since 1970 */
    "  last_seen INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE login_failures ("
    "  login TEXT NOT NULL,"
    "  at INTEGER NOT NULL"
    ");"
    "CREATE INDEX login_failures_login ON login_failures(login, at);"
    "CREATE TABLE comments ("                   /* board members' comments on actions */
    "  id INTEGER PRIMARY KEY,"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  text TEXT NOT NULL"
    ");"
    "CREATE INDEX comments_action ON comments(action_id, id);"
    "CREATE TRIGGER comments_append_only_u BEFORE UPDATE ON comments"
    "  BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;"
    "CREATE TABLE inspections ("
    "  id INTEGER PRIMARY KEY,"
    "  authority TEXT NOT NULL,"                /* as the report or file names it */
    "  authority_code TEXT,"                    /* ONS code when matched to the reference table */
    "  urn TEXT,"
    "  start_day INTEGER,"
    "  end_day INTEGER,"
    "  published_day INTEGER,"
    "  framework TEXT,"
    "  lead_inspector TEXT,"
    "  report_url TEXT,"
    "  source_file TEXT NOT NULL DEFAULT '',"
    "  source_sha256 TEXT NOT NULL DEFAULT '',"
    "  imported_at TEXT NOT NULL"
    ");"
    "CREATE INDEX inspections_authority ON inspections(authority_code, start_day);"
    "CREATE TABLE inspection_judgements ("
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  kind TEXT NOT NULL,"                     /* overall, leaders, help_protection, in_care, care_leavers */
    "  grade TEXT NOT NULL,"                    /* outstanding, good, requires-improvement, inadequate */
    "  PRIMARY KEY (inspection_id, kind)"
    ") WITHOUT ROWID;"
    "CREATE TABLE inspection_items ("
    "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  framework_outcome TEXT,"
    "  source_line INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (inspection_id, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE measures ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  unit TEXT NOT NULL,"
    "  polarity TEXT NOT NULL,"
    "  frequency TEXT NOT NULL DEFAULT '',"
    "  baseline_value REAL,"
    "  baseline_day INTEGER,"
    "  target_value REAL,"
    "  target_day INTEGER,"
    "  target_relative INTEGER NOT NULL DEFAULT 0,"
    "  tolerance REAL NOT NULL DEFAULT 0,"
    "  owner TEXT,"
    "  source TEXT,"
    "  suggested_from TEXT,"                    /* the plan text it was read from */
    "  action_id INTEGER REFERENCES actions(id)," /* the action it evidences */
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE TABLE measure_milestones ("
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  position INTEGER NOT NULL,"
    "  value REAL NOT NULL,"
    "  day INTEGER,"
    "  PRIMARY KEY (measure_id, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE measure_values ("
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  series TEXT NOT NULL,"                   /* actual, england, region, statistical-neighbours, an authority */
    "  period_first INTEGER NOT NULL,"
    "  period_last INTEGER NOT NULL,"
    "  period_kind INTEGER NOT NULL,"
    "  value REAL NOT NULL,"
    "  PRIMARY KEY (measure_id, series, period_first, period_last)"
    ") WITHOUT ROWID;"
    "CREATE TABLE workforce_snapshots ("
    "  id INTEGER PRIMARY KEY,"
    "  service_area TEXT NOT NULL,"
    "  day INTEGER NOT NULL,"
    "  budgeted REAL NOT NULL,"
    "  employed REAL NOT NULL,"
    "  vacant REAL NOT NULL,"
    "  agency REAL NOT NULL,"
    "  managers_locum REAL NOT NULL DEFAULT 0,"
    "  managers_salaried REAL NOT NULL DEFAULT 0,"
    "  stated_vacancy_rate REAL,"               /* as the report states it, NULL when it does not */
    "  stated_agency_rate REAL,"
    "  recorded_at TEXT NOT NULL,"
    "  UNIQUE (service_area, day)"
    ");"
    "CREATE TABLE case_audits ("
    "  id INTEGER PRIMARY KEY,"
    "  service TEXT NOT NULL,"
    "  period_first INTEGER NOT NULL,"
    "  period_last INTEGER NOT NULL,"
    "  period_kind INTEGER NOT NULL,"
    "  outstanding INTEGER NOT NULL,"
    "  good INTEGER NOT NULL,"
    "  requires_improvement INTEGER NOT NULL,"
    "  inadequate INTEGER NOT NULL,"
    "  measure_code TEXT,"                      /* the measure its % good or better feeds */
    "  recorded_at TEXT NOT NULL,"
    "  UNIQUE (service, period_first, period_last)"
    ");"
    "CREATE TABLE theme_savings ("
    "  theme_id INTEGER NOT NULL REFERENCES themes(id),"
    "  fy_start_year INTEGER NOT NULL,"
    "  thousands REAL NOT NULL,"
    "  PRIMARY KEY (theme_id, fy_start_year)"
    ");",
    /* 3: written commentary on reports (a highlight report's four questions,
     * per theme): append-only; an edition shows the latest written on or
     * before its day, an empty text clears it. */
    "CREATE TABLE report_commentary ("
    "  id INTEGER PRIMARY KEY,"
    "  report TEXT NOT NULL,"                   /* highlight, … */
    "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
    "  theme_ref TEXT NOT NULL,"
    "  section TEXT NOT NULL,"                  /* working-well, how-we-know, worried, next */
    "  day INTEGER NOT NULL,"                   /* the edition it was written for */
    "  text TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  actor TEXT NOT NULL"
    ");"
    "CREATE INDEX report_commentary_key"
    "  ON report_commentary(report, plan_id, theme_ref, section, day, id);"
    "CREATE TRIGGER report_commentary_append_only_u BEFORE UPDATE ON report_commentary"
    "  BEGIN SELECT RAISE(ABORT, 'report commentary is append-only'); END;"
    "CREATE TRIGGER report_commentary_append_only_d BEFORE DELETE ON report_commentary"
    "  BEGIN SELECT RAISE(ABORT, 'report commentary is append-only'); END;",

    /* 4: governance: boards, members, meetings, attendance, agenda, decisions,
     * actions arising, risks, savings delivery, calendar subscription tokens. */
    "CREATE TABLE boards ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  kind INTEGER NOT NULL,"
    "  tor_text TEXT NOT NULL DEFAULT '',"
    "  tor_adopted INTEGER,"
    "  meets_every INTEGER NOT NULL,"
    "  meets_unit INTEGER NOT NULL,"
    "  meets_weekday INTEGER NOT NULL,"
    "  meets_week INTEGER NOT NULL,"
    "  papers_days INTEGER NOT NULL,"
    "  substitute_days INTEGER NOT NULL,"
    "  minutes_days INTEGER NOT NULL,"
    "  chair_report_every INTEGER NOT NULL,"
    "  review_months INTEGER NOT NULL"
    ");"
    "CREATE TABLE board_members ("
    "  board_id INTEGER NOT NULL REFERENCES boards(id),"
    "  position INTEGER NOT NULL,"
    "  name TEXT,"
    "  role TEXT NOT NULL,"
    "  organisation TEXT NOT NULL,"
    "  substitute TEXT,"
    "  chair INTEGER NOT NULL DEFAULT 0,"
    "  vice_chair INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (board_id, position)"
    ") WITHOUT ROWID;"
    "CREATE TABLE meetings ("
    "  id INTEGER PRIMARY KEY,"
    "  board_id INTEGER NOT NULL REFERENCES boards(id),"
    "  day INTEGER NOT NULL,"
    "  time TEXT NOT NULL DEFAULT '',"
    "  venue TEXT NOT NULL DEFAULT '',"
    "  papers_published INTEGER,"            /* the pack is frozen from this day */
    "  minutes TEXT,"
    "  minutes_approved_at INTEGER REFERENCES meetings(id),"
    "  UNIQUE (board_id, day)"
    ");"
    "CREATE TABLE attendance ("
    "  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
    "  member TEXT NOT NULL,"                /* the member's name, or role when unnamed */
    "  state TEXT NOT NULL CHECK (state IN ('present', 'apologies', 'substitute')),"
    "  substitute TEXT,"
    "  PRIMARY KEY (meeting_id, member)"
    ");"
    "CREATE TABLE agenda_items ("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('standing', 'deep-dive', 'item')),"
    "  theme TEXT,"
    "  late INTEGER NOT NULL DEFAULT 0"      /* added after the papers were published */
    ");"
    "CREATE TABLE decisions ("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
    "  text TEXT NOT NULL"
    ");"
    "CREATE TABLE arising_actions ("
    "  id INTEGER PRIMARY KEY,"
    "  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
    "  text TEXT NOT NULL,"
    "  owner TEXT NOT NULL,"
    "  due INTEGER,"
    "  status TEXT NOT NULL"
    ");"
    "CREATE TABLE arising_updates ("
    "  id INTEGER PRIMARY KEY,"
    "  arising_id INTEGER NOT NULL REFERENCES arising_actions(id),"
    "  recorded_at TEXT NOT NULL,"
    "  author TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE TABLE risks ("
    "  id INTEGER PRIMARY KEY,"
    "  ref TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  cause TEXT NOT NULL DEFAULT '',"
    "  effect TEXT NOT NULL DEFAULT '',"
    "  owner TEXT NOT NULL DEFAULT '',"
    "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
    "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
    "  target_score INTEGER,"
    "  trend TEXT NOT NULL,"
    "  mitigations TEXT NOT NULL DEFAULT '',"
    "  review INTEGER"
    ");"
    "CREATE TABLE risk_actions ("
    "  risk_id INTEGER NOT NULL REFERENCES risks(id),"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  PRIMARY KEY (risk_id, action_id)"
    ") WITHOUT ROWID;"
    "CREATE TABLE risk_reviews ("
    "  id INTEGER PRIMARY KEY,"
    "  risk_id INTEGER NOT NULL REFERENCES risks(id),"
    "  recorded_at TEXT NOT NULL,"
    "  author TEXT NOT NULL,"
    "  likelihood INTEGER NOT NULL,"
    "  impact INTEGER NOT NULL,"
    "  trend TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE TABLE theme_savings_delivery ("
    "  theme_id INTEGER NOT NULL REFERENCES themes(id),"
    "  fy_start_year INTEGER NOT NULL,"
    "  forecast REAL,"
    "  delivered REAL,"
    "  PRIMARY KEY (theme_id, fy_start_year)"
    ") WITHOUT ROWID;"
    "CREATE TABLE calendar_tokens ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id),"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  created_at TEXT NOT NULL,"
    "  revoked_at TEXT"
    ");"
    "CREATE INDEX arising_actions_meeting ON arising_actions(meeting_id);"
    "CREATE INDEX arising_updates_action ON arising_updates(arising_id, id);"
    "CREATE INDEX risk_reviews_risk ON risk_reviews(risk_id, id);"
    "CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);"
    "CREATE INDEX decisions_meeting ON decisions(meeting_id);"
    "CREATE TRIGGER arising_updates_append_only_u BEFORE UPDATE ON arising_updates"
    "  BEGIN SELECT RAISE(ABORT, 'updates of actions arising are append-only'); END;"
    "CREATE TRIGGER arising_updates_append_only_d BEFORE DELETE ON arising_updates"
    "  BEGIN SELECT RAISE(ABORT, 'updates of actions arising are append-only'); END;"
    "CREATE TRIGGER risk_reviews_append_only_u BEFORE UPDATE ON risk_reviews"
    "  BEGIN SELECT RAISE(ABORT, 'risk reviews are append-only'); END;"
    "CREATE TRIGGER risk_reviews_append_only_d BEFORE DELETE ON risk_reviews"
    "  BEGIN SELECT RAISE(ABORT, 'risk reviews are append-only'); END;",

    /* 5: reminders: each user's email address and whether they want the
     * daily reminder; settings of the whole installation (the SMTP relay,
     * the base URL of links, the time of the daily run), as keys and values. */
    "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE users ADD COLUMN reminders INTEGER NOT NULL DEFAULT 1;"
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") WITHOUT ROWID;",

    /* 6: a manual RAG's review day (it lapses after it), on each update and
     * on the action's current state. */
    "ALTER TABLE progress_updates ADD COLUMN rag_until INTEGER;"
    "ALTER TABLE actions ADD COLUMN cur_rag_until INTEGER;"
    /* People that name nobody (a cell reading "1", "-", "N/A"), as older
     * importers created them (domain/plan.c sl_is_person_label): unlinked and removed. */
    "CREATE TEMP TABLE junk_people AS SELECT id FROM people WHERE length(label) >= 80"
    "  OR lower(trim(label)) IN ('n/a', 'na', 'tbc', 'tba', 'none', 'nil', 'unknown', '-')"
    "  OR NOT (label GLOB '*[A-Za-z]*' OR label GLOB '*[^ -~]*');"
    "DELETE FROM action_people WHERE person_id IN (SELECT id FROM junk_people);"
    "DELETE FROM people WHERE id IN (SELECT id FROM junk_people);"
    "DROP TABLE junk_people;",

    /* 7: every Ofsted event has its kind (sif, ilacs, focused-visit,
     * monitoring-visit, jtai, send; '' for rows stored before, read by their
     * framework), and an item may be an area for priority action. */
    ("ALTER TABLE inspections ADD COLUMN kind TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE inspection_items ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;"),

    /* 8: sign-in successes and failures, shared by every server on one
     * database so that sign-in throttling (web/throttle.c) holds across
     * processes: each server writes its own and reads the others'. */
    ("CREATE TABLE sign_in_events ("
     "  id INTEGER PRIMARY KEY,"
     "  origin TEXT NOT NULL,"                  /* the server process that saw it */
     "  at INTEGER NOT NULL,"                   /* seconds since 1970 */
     "  login TEXT NOT NULL,"
     "  address TEXT NOT NULL,"
     "  failed INTEGER NOT NULL"                /* 1 a failure, 0 a sign-in that succeeded */
     ");"
     "CREATE INDEX sign_in_events_at ON sign_in_events(at);"),

    /* 9: a plan and the Ofsted report it answers, read together from one
     * committee agenda pack. */
    ("CREATE TABLE plan_inspections ("
     "  plan_id INTEGER NOT NULL REFERENCES plans(id),"
     "  inspection_id INTEGER NOT NULL REFERENCES inspections(id),"
     "  PRIMARY KEY (plan_id, inspection_id)"
     ");"),
    /* 10: sessions a user can list and end: each has a public reference
     * (never the token or its digest), the address it signed in from and
     * the browser's User-Agent. */
    "ALTER TABLE sessions ADD COLUMN ref TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';"
    "UPDATE sessions SET ref = substr(token_hash, 1, 16);"
    "CREATE INDEX sessions_user ON sessions(user_id);"
    "CREATE INDEX sessions_ref ON sessions(ref);",

    /* 11: a measure's figures entered and corrected by hand: each stored
     * value has a version (a correction made on an older one is refused),
     * and every change is kept for ever in measure_figures with who, when,
     * the source and the value it superseded; a load file's "N/A" is kept
     * there as missing, never stored as a value. */
    "ALTER TABLE measure_values ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
    "CREATE TABLE measure_figures ("
    "  id INTEGER PRIMARY KEY,"
    "  measure_id INTEGER NOT NULL REFERENCES measures(id),"
    "  series TEXT NOT NULL,"
    "  period_first INTEGER NOT NULL,"
    "  period_last INTEGER NOT NULL,"
    "  period_kind INTEGER NOT NULL,"
    "  change TEXT NOT NULL CHECK (change IN ('entered', 'corrected', 'loaded', 'missing')),"
    "  value REAL,"                             /* NULL: missing */
    "  previous REAL,"                          /* the value superseded, NULL when none */
    "  source TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  actor TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL"
    ");"
    "CREATE INDEX measure_figures_period ON measure_figures(measure_id, period_last);"
    "CREATE TRIGGER measure_figures_append_only_u BEFORE UPDATE ON measure_figures"
    "  BEGIN SELECT RAISE(ABORT, 'measure figures are append-only'); END;"
    "CREATE TRIGGER measure_figures_append_only_d BEFORE DELETE ON measure_figures"
    "  BEGIN SELECT RAISE(ABORT, 'measure figures are append-only'); END;",

    /* 12: evidence files attached to progress updates, never changed or
     * removed; uploaded import files kept between the preview and its
     * confirmation (removed when confirmed, cancelled or expired). The bytes
     * are base64 text: one representation on both backends, which `copy`
     * carries and checksums like any other text. */
    "CREATE TABLE evidence_files ("
    "  id INTEGER PRIMARY KEY,"
    "  update_id INTEGER NOT NULL REFERENCES progress_updates(id),"
    "  action_id INTEGER NOT NULL REFERENCES actions(id),"
    "  file_name TEXT NOT NULL,"
    "  content_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  content TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL"
    ");"
    "CREATE INDEX evidence_files_action ON evidence_files(action_id, id);"
    "CREATE TRIGGER evidence_files_append_only_u BEFORE UPDATE ON evidence_files"
    "  BEGIN SELECT RAISE(ABORT, 'evidence files are never changed'); END;"
    "CREATE TRIGGER evidence_files_append_only_d BEFORE DELETE ON evidence_files"
    "  BEGIN SELECT RAISE(ABORT, 'evidence files are never removed'); END;"
    "CREATE TABLE pending_imports ("
    "  id INTEGER PRIMARY KEY,"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  session_hash TEXT NOT NULL,"
    "  login TEXT NOT NULL,"
    "  file_name TEXT NOT NULL,"
    "  authority TEXT NOT NULL DEFAULT '',"
    "  size INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  content TEXT NOT NULL,"
    "  created INTEGER NOT NULL"
    ");",

    /* 13: separation by authority. A user is granted a role per authority
     * (authority_id NULL: every authority, now and later: a national grant);
     * every user keeps the role they had over every authority (a national
     * grant of it), so nothing changes for a single-council deployment.
     * Inspections, measures, boards and risks belong to an authority (what
     * hangs off them follows: meetings a board, values a measure): an
     * inspection the authority it names (added when new), a measure or risk
     * the authority of the action it is linked to, and the rest the only
     * authority that has plans, when there is one. Rows left without one are
     * seen by national grants only. */
    ("CREATE TABLE user_grants ("
     "  id INTEGER PRIMARY KEY,"
     "  user_id INTEGER NOT NULL REFERENCES users(id),"
     "  authority_id INTEGER REFERENCES authorities(id),"
     "  role TEXT NOT NULL CHECK (role IN ('admin', 'programme', 'lead', 'board', 'viewer'))"
     ");"
     "CREATE INDEX user_grants_user ON user_grants(user_id, authority_id);"
     "INSERT INTO user_grants (user_id, authority_id, role) SELECT id, NULL, role FROM users;"
     "ALTER TABLE inspections ADD COLUMN authority_id INTEGER REFERENCES authorities(id);"
     "ALTER TABLE measures ADD COLUMN authority_id INTEGER REFERENCES authorities(id);"
     "ALTER TABLE boards ADD COLUMN authority_id INTEGER REFERENCES authorities(id);"
     "ALTER TABLE risks ADD COLUMN authority_id INTEGER REFERENCES authorities(id);"
     "INSERT INTO authorities (name, code) SELECT min(i.authority), min(i.authority_code)"
     "  FROM inspections i WHERE i.authority <> '' AND NOT EXISTS (SELECT 1 FROM authorities a"
     "  WHERE lower(a.name) = lower(i.authority) OR a.code = i.authority_code)"
     "  GROUP BY lower(i.authority);"
     "UPDATE inspections SET authority_id = (SELECT a.id FROM authorities a"
     "  WHERE a.code = inspections.authority_code OR lower(a.name) = lower(inspections.authority)"
     "  ORDER BY a.id LIMIT 1);"
     "UPDATE measures SET authority_id = (SELECT p.authority_id FROM actions x"
     "  JOIN plans p ON p.id = x.plan_id WHERE x.id = measures.action_id);"
     "UPDATE risks SET authority_id = (SELECT min(p.authority_id) FROM risk_actions ra"
     "  JOIN actions x ON x.id = ra.action_id JOIN plans p ON p.id = x.plan_id"
     "  WHERE ra.risk_id = risks.id);"
     "UPDATE measures SET authority_id = (SELECT min(authority_id) FROM plans)"
     "  WHERE authority_id IS NULL AND (SELECT count(DISTINCT authority_id) FROM plans) = 1;"
     "UPDATE risks SET authority_id = (SELECT min(authority_id) FROM plans)"
     "  WHERE authority_id IS NULL AND (SELECT count(DISTINCT authority_id) FROM plans) = 1;"
     "UPDATE boards SET authority_id = (SELECT min(authority_id) FROM plans)"
     "  WHERE (SELECT count(DISTINCT authority_id) FROM plans) = 1;"
     "CREATE INDEX boards_authority ON boards(authority_id);"
     "CREATE INDEX risks_authority ON risks(authority_id);"
     "CREATE INDEX measures_authority ON measures(authority_id);"
     "CREATE INDEX inspections_authority_id ON inspections(authority_id);"),

    /* 14: search (issue 13 item 7): one FTS5 index over plans, actions,
     * progress notes, recommendations, measures and people, each row's
     * rowid its record's id * 8 + its kind (domain/search.h), kept in step
     * with every write by the triggers below, and filled from what is
     * stored. PostgreSQL searches the tables themselves through expression
     * indexes instead (store/pg/pg_schema.c, store/sql/search_sql.h). The
     * text of each kind is store/sql/search_sql.h's. */
    SL_SEARCH_MIGRATION_SQLITE,
};

int sl_sqlite_migration_count(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *sl_sqlite_migration(int index)
{
    return migrations[index];
}
