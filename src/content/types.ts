// The compiled content the app is built from. Produced at build time by compile.ts; the
// runtime never parses Markdown for built-in content, it only reads these shapes.

export interface Program {
  title: string;
  chapter: string;
  contact?: string | undefined;
  approvedProvider?: string | undefined;
  timezone: string;
  season: { start: string; targetHours: number };
  exam: {
    questions: number;
    scored?: number | undefined;
    minutes: number;
    /**
     * Whether mock exams may draw "choose all that apply" items. False (the default): mock exams
     * draw single-best-answer items only, like the real exam; choose-all items stay in practice.
     */
    chooseAllThatApply: boolean;
  };
  welcomeHtml: string;
}

export interface Competency {
  id: string;
  title: string;
}

export interface Subarea {
  id: string;
  title: string;
  weight: number;
  competencies: Competency[];
}

export interface Area {
  id: string;
  title: string;
  order: number;
  weight: number;
  subareas: Subarea[];
  overviewHtml: string;
}

export interface Speaker {
  name: string;
  role?: string | undefined;
}

/** What lists and schedules need of a session; the material is loaded on its own. */
export interface SessionMeta {
  id: string;
  title: string;
  area: string;
  subareas: string[];
  competencies: string[];
  speaker: Speaker;
  date: string;
  start: string;
  hours: number;
  location?: string | undefined;
  /** How many questions its practice draws on (their ids are in its material chunk). */
  questionCount: number;
  /** Where it came from, when not built in: the session pack's title and version. */
  origin?: string | undefined;
}

export interface SessionMaterial {
  id: string;
  materialHtml: string;
  /** Plain text of the material, for search. */
  materialText: string;
  /**
   * Ids of the questions a session's practice draws on (see content/README.md): here, not in
   * the index every first screen loads, where they were half its size.
   */
  questionIds: string[];
}

export interface QuestionOption {
  html: string;
  /** Plain text of the option (no rationale), for search and lists. */
  text: string;
  correct: boolean;
  /** Why this option is right or wrong: shown beside it after checking. */
  rationaleHtml?: string | undefined;
  rationaleText?: string | undefined;
}

/** One group of the bank's shape: area, sub-area, competency ('' when none) and question ids. */
export type ShapeGroup = [area: string, subarea: string, competency: string, ids: string[]];

/** A question's place in the blueprint, without its text. */
export type QuestionPlace = Pick<Question, 'id' | 'area' | 'subarea' | 'competency'>;

export interface Question {
  id: string;
  area: string;
  subarea: string;
  competency?: string | undefined;
  stemHtml: string;
  /** Plain text of the stem, for search and for duplicate checks. */
  stemText: string;
  options: QuestionOption[];
  /** "Choose all that apply": more than one option is correct, or the stem says so. */
  multi: boolean;
  /** The question-level explanation: with per-option rationales, the summary. */
  explanationHtml?: string | undefined;
  explanationText?: string | undefined;
  referenceHtml?: string | undefined;
  difficulty?: 1 | 2 | 3 | undefined;
  /** The answer depends on law or figures that change ("Volatile: yes"). */
  volatile?: true | undefined;
  /** Month its facts were last checked against the source, YYYY-MM. */
  reviewed?: string | undefined;
  /** content/path.md:line, for speakers chasing a report. */
  source: string;
  /** Where it came from, when not built in: the session pack's title and version. */
  origin?: string | undefined;
}

export interface Counts {
  byArea: Record<string, number>;
  bySubarea: Record<string, number>;
  byCompetency: Record<string, number>;
  total: number;
}

export interface RuleCategory {
  id: string;
  title: string;
  min: number;
}

export type EducationKind = 'attended' | 'taught' | 'self-study';

export interface RuleSet {
  title: string;
  hours: number;
  windowMonths: number;
  categories: RuleCategory[];
  /** Required topics: they count toward the total, not toward the category minimums. */
  topics: RuleCategory[];
  caps: { kinds: EducationKind[]; max: number; label: string }[];
}

export interface Rules {
  recertification: RuleSet;
  eligibility: RuleSet;
  /** The recertification category study-group hours of each exam area count toward. */
  studyGroupCategories: Record<string, string>;
  textHtml: string;
}

/** The small part of the content every screen may need: no material, no questions. */
export interface ContentIndex {
  program: Program;
  /** Continuing-education rules (content/rules.md), when present. */
  rules?: Rules | undefined;
  areas: Area[];
  sessions: SessionMeta[];
  counts: Counts;
}

export interface CompiledContent {
  index: ContentIndex;
  questionsByArea: Record<string, Question[]>;
  materials: Record<string, SessionMaterial>;
}

export interface ContentIssue {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface SourceFile {
  /** Path as shown in messages, e.g. content/areas/finance.md */
  path: string;
  /** Path relative to the content root, e.g. areas/finance.md */
  relative: string;
  text: string;
}
