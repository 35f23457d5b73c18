// The runtime of every generated TypeScript module: written once, by hand.
//
// The TypeScript target embeds everything below the marker line verbatim,
// after the page's data. Above the marker stand small stand-ins for that data
// (and for the classes and maps declared after the runtime), so that
// tsc --strict checks this file on its own. ES2015 and `Map`; erasable syntax.

const ErrorCode = { EXAMPLE: -1000 } as const;
type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
type Code = number;
const CODE_TYPE = "int" as "int" | "str";
const ERRORS: readonly ErrorInfo[] = [
  { code: -1000, name: "EXAMPLE", identifier: "EXAMPLE", className: "Example", category: null, messages: [], description: "", deprecated: false },
];
const KEY_LENGTH = 8;
const SPACE_CLASS = "[\\u0020\\u0009\\u000a\\u000d\\u000b\\u000c\\u00a0]";
const KEPT_SPACE = "([^\\t!-/:-@\\[-`{-~])\\t(?=\\t*[^\\t!-/:-@\\[-`{-~])";
const BOUNDARY = " !\"#$%&'()*+,./:;<=>?@[\\]^`{|}~";
const NEAR_TOKEN = "('[^'\\n]{0,64}'|[0-9]+)|[a-z]+";
const NEAR_RECALL = 0.4;
const NEAR_PRECISION = 0.6;
const NEAR_SUM = 1.3;
const NEAR_SHARED = 3;
const NEAR_TYPO = 4;
const NEAR_TEMPLATES = 64;
const NEAR_TOKENS = 256;
const TEMPLATES: readonly Template[] = [[[-1000], "Example %s.", ["Example ", "."], ["example ", ""], "Example ", "example ", ["example", ""]]];
const CLASSES: ReadonlyMap<Code, ApiErrorClass> = new Map();
const GROUPS_OF: ReadonlyMap<ApiErrorClass, readonly ApiErrorClass[]> = new Map();
const PAYLOAD: readonly BodyShape[] = [[["code"], [["msg"], ["message"]]]];
const SUBCODES: ReadonlyMap<Code, readonly Code[]> = new Map();
// errgen: the runtime starts here.

/** What the page says about one code. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly name: string;
  readonly identifier: keyof typeof ErrorCode;
  /** The generated class `ApiError.fromPayload` builds for the code. */
  readonly className: string;
  readonly category: string | null;
  readonly messages: readonly string[];
  readonly description: string;
  /** Struck out on the page, or gone from it and kept by errgen.lock. */
  readonly deprecated: boolean;
}

/** [codes it belongs to, text, literal pieces around its placeholders, the same folded, key, folded key, words for "near"]. */
type Template = readonly [readonly Code[], string, readonly string[], readonly string[], string, string, readonly string[]];

const BY_CODE: ReadonlyMap<Code, ErrorInfo> = new Map(ERRORS.map((info) => [info.code as Code, info]));

/** What the page says about `code`, or undefined for a code it does not list. */
export function lookup(code: Code): ErrorInfo | undefined {
  return BY_CODE.get(code);
}

/** The tier of `match` that fitted. */
export type MatchKind = "exact" | "loose" | "prefix" | "near";

/** The template an API message came from, and what `match` read from it. */
export interface Match {
  /** The code the template is documented under. */
  readonly error: ErrorInfo;
  readonly template: string;
  /** The values in its placeholders ("near": those that could be aligned). */
  readonly args: string[];
  readonly kind: MatchKind;
  /** What the server appended to the template (kind "prefix"), else "". */
  readonly rest: string;
  /** Every code the template belongs to, in page order. */
  readonly codes: Code[];
}

// Template positions (indexes into TEMPLATES, so in the order to try) by code
// and by leading characters, built on the first call to `match`.
const byCode = new Map<Code, number[]>();
const byKey = new Map<string, number[]>();
const byLooseKey = new Map<string, number[]>();
const byText = new Map<string, number>(); // templates without placeholders, by their text
const patterns: RegExp[] = []; // a white-space character; KEPT_SPACE; NEAR_TOKEN

/**
 * The template `text` was made from, or undefined when none fits in any tier.
 *
 * Tiers, in order: "exact"; "loose" (a trailing period, the first letter's
 * case and whitespace folded); "prefix" (a template followed by context the
 * server appended, in `rest`). With `code`, its templates are tried first,
 * then the page's others; when none fits, "near": the code's template whose
 * words are closest to the text's, when close enough. Templates are tried
 * most specific first. Linear in the text's length times the number of
 * templates.
 */
export function match(text: string, code?: Code): Match | undefined {
  if (patterns.length === 0) buildIndex();
  const own = code === undefined ? [] : (byCode.get(code) ?? []);
  const whole = byText.get(text); // a template without placeholders that is the text: the first exact fit
  if (whole !== undefined && (own.length === 0 || own.indexOf(whole) >= 0)) return made(whole, code, [], "exact", "");
  let found = exact(text, own, code);
  let folded: [string, string] | undefined;
  if (found === undefined && own.length > 0) {
    folded = fold(text);
    found = loose(text, folded, own, code);
  }
  if (found === undefined) found = exact(text, candidates(byKey, text), code);
  if (found === undefined) {
    if (folded === undefined) folded = fold(text);
    found = loose(text, folded, candidates(byLooseKey, folded[0]), code);
  }
  if (found === undefined && own.length > 0) found = near(text, own.slice(0, NEAR_TEMPLATES), code);
  return found;
}

function exact(text: string, indexes: readonly number[], code: Code | undefined): Match | undefined {
  for (const index of indexes) {
    const fit = glob(template(index)[2], text, true);
    if (fit !== undefined) return made(index, code, fit[0].map(([start, end]) => text.slice(start, end)), "exact", "");
  }
  return undefined;
}

function loose(text: string, folded: [string, string], indexes: readonly number[], code: Code | undefined): Match | undefined {
  for (const kind of ["loose", "prefix"] as const) {
    for (const index of indexes) {
      const pieces = template(index)[3];
      const fit = glob(pieces, folded[0], kind === "loose");
      if (fit === undefined || (kind === "prefix" && !isRest(pieces[pieces.length - 1] ?? "", folded[0], fit[1]))) continue;
      const original = positions(folded[1]);
      const values = fit[0].map(([start, end]) => value(text, folded[0], original, start, end));
      return made(index, code, values, kind, kind === "prefix" ? rest(text, template(index)[1], original(fit[1] - 1) + 1) : "");
    }
  }
  return undefined;
}

/**
 * Where the values between `pieces` lie in `text`, and where the fit ends.
 * Each placeholder takes at least one character (a code point, as in Python)
 * and as few as it can, each piece the leftmost place left for it: the values
 * a lazy `(.+?)` pattern gives, found without backtracking. `whole`: the last
 * piece ends the text; else more may follow (the prefix tier).
 */
function glob(pieces: readonly string[], text: string, whole: boolean): [Array<[number, number]>, number] | undefined {
  const first = pieces[0] ?? "";
  const last = pieces.length - 1;
  if (!text.startsWith(first)) return undefined;
  if (last === 0) return !whole || text.length === first.length ? [[], first.length] : undefined;
  let stop = text.length;
  if (whole) {
    const tail = pieces[last] ?? "";
    if (!text.endsWith(tail)) return undefined;
    stop -= tail.length;
  }
  const limit = whole ? stop - 1 : stop;
  const spans: Array<[number, number]> = [];
  let start = first.length;
  for (const piece of whole ? pieces.slice(1, last) : pieces.slice(1)) {
    const from = start + codePointLength(text, start);
    const found = text.indexOf(piece, from);
    if (found < from || found + piece.length > limit) return undefined;
    spans.push([start, found]);
    start = found + piece.length;
  }
  if (whole) {
    if (stop - start < 1) return undefined;
    spans.push([start, stop]);
    start = text.length;
  }
  return [spans, start];
}

function codePointLength(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** A value read in the folded text, as `text` has it, without the spaces around it. */
function value(text: string, folded: string, original: (index: number) => number, start: number, end: number): string {
  while (start < end && folded.charAt(start) === " ") start++;
  while (end > start && folded.charAt(end - 1) === " ") end--;
  return start < end ? text.slice(original(start), original(end - 1) + 1) : "";
}

/** What follows the template in `text`; the template's own final period is not part of it. */
function rest(text: string, templateText: string, start: number): string {
  return templateText.endsWith(".") && text.charAt(start) === "." ? text.slice(start + 1) : text.slice(start);
}

/**
 * Whether the template's fit ends at a boundary of the text (white space or
 * punctuation other than `_` and `-` on either side), so that what follows is
 * context the server appended, not the rest of a longer word.
 */
function isRest(lastPiece: string, folded: string, end: number): boolean {
  if (lastPiece === "" || end >= folded.length) return false;
  return BOUNDARY.includes(folded.charAt(end)) || BOUNDARY.includes(lastPiece.charAt(lastPiece.length - 1));
}

/**
 * The loose tier's fold (errgen folds each template the same way), and the
 * text marked for `positions`: every white-space character becomes a tab, the
 * first of a run between two characters that are neither white space nor
 * ASCII punctuation becomes a space, and the tabs go; then a leading A-Z is
 * lowered and one trailing period dropped.
 */
function fold(text: string): [string, string] {
  const marked = text.replace(patterns[0] as RegExp, "\t").replace(patterns[1] as RegExp, "$1 ");
  let folded = marked.split("\t").join("");
  if ("A" <= folded.slice(0, 1) && folded.slice(0, 1) <= "Z") folded = folded.charAt(0).toLowerCase() + folded.slice(1);
  return [folded.endsWith(".") ? folded.slice(0, -1) : folded, marked];
}

/** Folded index -> index in the text: `marked` has the text's length, and each tab in it is a character the fold dropped. */
function positions(marked: string): (index: number) => number {
  const starts = [0]; // of each stretch, folded
  for (const stretch of marked.split("\t")) starts.push((starts[starts.length - 1] ?? 0) + stretch.length);
  return (index) => index + bisectRight(starts, index, starts.length - 1) - 1; // one tab before each stretch
}

/** Python's bisect.bisect_right(values, x, 0, high). */
function bisectRight(values: readonly number[], x: number, high: number): number {
  let low = 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (x < (values[middle] ?? 0)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function candidates(index: ReadonlyMap<string, number[]>, text: string): number[] {
  const found: number[] = [];
  for (let length = 0; length <= Math.min(KEY_LENGTH, text.length); length++) {
    for (const position of index.get(text.slice(0, length)) ?? []) found.push(position);
  }
  return found.sort((a, b) => a - b);
}

function template(index: number): Template {
  const entry = TEMPLATES[index];
  if (entry === undefined) throw new RangeError(`no template ${index}`);
  return entry;
}

function info(code: Code): ErrorInfo {
  const found = BY_CODE.get(code);
  if (found === undefined) throw new RangeError(`no code ${code}`);
  return found;
}

function made(index: number, code: Code | undefined, args: string[], kind: MatchKind, rest: string): Match {
  const [codes, text] = template(index);
  const documented = code !== undefined && codes.indexOf(code) >= 0 ? code : codes[0];
  if (documented === undefined) throw new RangeError(`template ${index} has no code`);
  const error = info(documented);
  return { error, template: text, args, kind, rest, codes: [...codes] };
}

/**
 * The candidate whose words are closest to the text's, when close enough:
 * the most shared words and values for their number (ties: the first).
 */
function near(text: string, indexes: readonly number[], code: Code | undefined): Match | undefined {
  const [keys, values] = tokens(text);
  let best = -1;
  let bestScore = 0;
  for (const index of indexes) {
    const score = closeness(template(index)[6], keys);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  if (best < 0) return undefined;
  return made(best, code, aligned(template(best)[6], keys, values), "near", "");
}

/**
 * The text's first tokens: words (ASCII lowered) and "" for a value; and each
 * value without its quotes or parentheses ("" for a word).
 */
function tokens(text: string): [string[], string[]] {
  const keys: string[] = [];
  const values: string[] = [];
  const pattern = patterns[2] as RegExp;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const token = found[0];
    if (found[1] === undefined) {
      keys.push(isAscii(token) ? token.toLowerCase() : token);
      values.push("");
    } else {
      keys.push("");
      values.push("'\"(".includes(token.charAt(0)) ? token.slice(1, -1) : token);
    }
    if (keys.length > NEAR_TOKENS) break;
  }
  return [keys, values];
}

/** Dice's coefficient of the shared tokens, or 0 when not close enough. */
function closeness(words: readonly string[], keys: readonly string[]): number {
  if (!closeEnough(Math.min(words.length, keys.length), words.length, keys.length)) return 0; // not even if every token were shared: no work for a long text
  const left = new Map<string, number>(); // the template's words not yet shared
  let slots = 0;
  for (const word of words) {
    if (word !== "") left.set(word, (left.get(word) ?? 0) + 1);
    else slots += 1;
  }
  let shared = 0;
  let values = 0;
  const unshared: string[] = [];
  for (const key of keys) {
    if (key === "") values += 1;
    else if ((left.get(key) ?? 0) > 0) {
      left.set(key, (left.get(key) ?? 0) - 1);
      shared += 1;
    } else unshared.push(key);
  }
  shared += Math.min(slots, values);
  const spare: string[] = [];
  left.forEach((count, word) => {
    for (let each = 0; each < count; each++) spare.push(word);
  });
  if (!closeEnough(shared + Math.min(spare.length, unshared.length), words.length, keys.length)) return 0; // not even if every word left were a typo
  for (const key of unshared) {
    for (let at = 0; at < spare.length; at++) {
      if (oneEdit(spare[at] ?? "", key)) {
        shared += 1;
        spare[at] = "";
        break;
      }
    }
  }
  return closeEnough(shared, words.length, keys.length) ? (2 * shared) / (words.length + keys.length) : 0;
}

function closeEnough(shared: number, words: number, keys: number): boolean {
  return shared >= NEAR_SHARED && shared >= NEAR_RECALL * words && shared >= NEAR_PRECISION * keys && shared * (words + keys) >= NEAR_SUM * words * keys;
}

/**
 * Whether two ASCII words of NEAR_TYPO characters or more differ by one
 * character changed, added or dropped, or two neighbours swapped.
 */
function oneEdit(word: string, key: string): boolean {
  if (word.length < NEAR_TYPO || key.length < NEAR_TYPO || Math.abs(word.length - key.length) > 1) return false;
  if (!(isAscii(word) && isAscii(key))) return false;
  let at = 0;
  while (at < word.length && at < key.length && word.charAt(at) === key.charAt(at)) at++;
  if (word.length !== key.length) {
    return word.length > key.length ? word.slice(at + 1) === key.slice(at) : word.slice(at) === key.slice(at + 1);
  }
  const swapped = word.slice(at + 1, at + 2) + word.slice(at, at + 1) === key.slice(at, at + 2);
  return word.slice(at + 1) === key.slice(at + 1) || (swapped && word.slice(at + 2) === key.slice(at + 2));
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * The text's values for the template's placeholders: all of them in order
 * when the counts agree, else each one next to the word it has in the template.
 */
function aligned(words: readonly string[], keys: readonly string[], values: readonly string[]): string[] {
  const slots: number[] = [];
  words.forEach((word, at) => (word === "" ? slots.push(at) : 0));
  const found: number[] = [];
  keys.forEach((key, at) => (key === "" ? found.push(at) : 0));
  if (slots.length === found.length) return found.map((at) => values[at] ?? "");
  const result: string[] = [];
  for (const slot of slots) {
    const before = slot > 0 ? (words[slot - 1] ?? "") : "";
    const after = slot + 1 < words.length ? (words[slot + 1] ?? "") : "";
    for (const at of found) {
      if ((before !== "" && at > 0 && keys[at - 1] === before) || (after !== "" && at + 1 < keys.length && keys[at + 1] === after)) {
        result.push(values[at] ?? "");
        found.splice(found.indexOf(at), 1);
        break;
      }
    }
  }
  return result;
}

function buildIndex(): void {
  TEMPLATES.forEach(([codes, , pieces, , key, looseKey], index) => {
    for (const code of codes) push(byCode, code, index);
    push(byKey, key, index);
    push(byLooseKey, looseKey, index);
    if (pieces.length === 1 && !byText.has(pieces[0] ?? "")) byText.set(pieces[0] ?? "", index);
  });
  SUBCODES.forEach((subcodes, parent) => {
    // a parent's own templates, then its sub-codes', in the order to try them
    const all = new Set<number>(byCode.get(parent) ?? []);
    for (const sub of subcodes) for (const index of byCode.get(sub) ?? []) all.add(index);
    byCode.set(parent, [...all].sort((a, b) => a - b));
  });
  patterns.push(new RegExp(SPACE_CLASS, "g"), new RegExp(KEPT_SPACE, "g"), new RegExp(NEAR_TOKEN, "g"));
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else list.push(index);
}

/** [path of the code, paths of the message in the order to try them]; a number indexes an array. */
type BodyShape = readonly [readonly (string | number)[], readonly (readonly (string | number)[])[]];

/** Response headers: a fetch `Headers` (or anything with `get`), or a plain object of them. */
export type HeadersLike =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** What a generated class or an SDK's subclass of `ApiError` is built with. */
export interface ApiErrorOptions {
  /** The error this one was caught from, as `Error`'s own `cause`. */
  readonly cause?: unknown;
  /** The HTTP status of the response, kept as `status`. */
  readonly status?: number;
  /** The response's headers: `Retry-After` gives `retryAfter`. */
  readonly headers?: HeadersLike;
}

/** `ApiError` or a subclass of it: what `fromPayload` is called on. */
export type ApiErrorClass = typeof ApiError;

/**
 * An error the API returned, e.g. `{"code": -1121, "msg": "Invalid symbol."}`.
 *
 * `ApiError.fromPayload(body)` builds the most specific class: the code's own
 * (`BadSymbol`), which extends its category's class; `instanceof` also holds
 * for the classes of the code's groups. `info` is what the page says about the
 * code (undefined for a code it does not list), `match` the template the
 * message came from, when one fits.
 *
 * An SDK's subclass gets the code's classes too when it asks for them with
 * `static readonly codeClasses = true`: `SdkError.fromPayload(body, options)`
 * is then an `SdkError` and, for `instanceof`, a `BadSymbol`.
 */
export class ApiError extends Error {
  /** True in a class of a `retryable` group, and in its codes' classes. */
  static readonly retryable: boolean = false;
  /** "unknown" in a class of a group with `outcome = "unknown"` (and its codes'): the request
   * may have been executed; reconcile before resubmitting. */
  static readonly outcome: string | null = null;
  /** Set on an SDK's subclass to make its instances answer `instanceof` for the code's classes. */
  static readonly codeClasses: boolean = false;

  // `declare`: set once by the constructor, never first defined as undefined by
  // an ES2022 class field (that doubles the cost of each property).
  declare readonly code: Code;
  declare readonly msg: string;
  declare readonly info: ErrorInfo | undefined;
  declare readonly match: Match | undefined;
  /** The generated class of the code (`ApiError` for one the page does not list); a
   * sub-code's when the message fits one of its templates. */
  declare readonly codeClass: ApiErrorClass;
  /** The HTTP status given in the options, else undefined. */
  declare readonly status: number | undefined;
  /** Seconds to wait, from the `Retry-After` header given in the options, else undefined. */
  declare readonly retryAfter: number | undefined;

  constructor(code: Code, msg: string, options?: ApiErrorOptions) {
    const info = lookup(code);
    super(described(code, info, msg));
    setFields(this, new.target.name, code, msg, info, options); // a subclass is reported by its own name
  }

  /** Whether a caller may retry the request: its code is in a `retryable` group. */
  get retryable(): boolean {
    return this.codeClass.retryable;
  }

  /** "unknown" when its code is in a group with `outcome = "unknown"`, else null. */
  get outcome(): string | null {
    return this.codeClass.outcome;
  }

  /**
   * Build from an error body (a decoded object, or its JSON text); throws
   * TypeError naming what is wrong when it is not one. The class is the code's
   * own when called on `ApiError` or a class the code is under; called on an
   * SDK's subclass, it builds that subclass, passing `options` on.
   */
  static fromPayload<T extends ApiError>(
    this: new (code: Code, msg: string, options?: ApiErrorOptions) => T,
    payload: unknown,
    options?: ApiErrorOptions,
  ): T;
  /** On an SDK's subclass whose constructor needs its own options (`{ status, cause }`). */
  static fromPayload<T extends ApiError, O extends ApiErrorOptions>(
    this: new (code: Code, msg: string, options: O) => T,
    payload: unknown,
    options: O,
  ): T;
  static fromPayload(
    this: new (code: Code, msg: string, options?: ApiErrorOptions) => ApiError,
    payload: unknown,
    options?: ApiErrorOptions,
  ): ApiError {
    const [code, msg] = errorFields(payload);
    const cls = classFor(this, code, msg);
    if (!isCodeClass(cls)) return new cls(code, msg, options);
    // A code's class adds nothing to ApiError's constructor, so this is the error
    // `new cls(…)` makes: its message, its fields in the same order, then its
    // prototype. Made as a plain Error, V8 walks no constructor's frame to record
    // the stack, and every store meets one shape, not one per class of the page
    // (`make bench`: node's from_payload row).
    const info = lookup(code);
    const error = new Error(described(code, info, msg));
    setFields(error as unknown as Fields, cls.name, code, msg, info, options);
    return Object.setPrototypeOf(error, cls.prototype) as ApiError;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!hasPrototype(ApiError.prototype, value)) return false;
    if (hasPrototype(this.prototype, value)) return true;
    const { codeClass, constructor } = value as ApiError;
    if (codeClass !== constructor && !(constructor as ApiErrorClass).codeClasses) return false;
    return [codeClass, ...(GROUPS_OF.get(codeClass) ?? [])].some((each) => isOrExtends(each, this));
  }
}

/** The message of an ApiError: the code, its name and the server's message. */
function described(code: Code, info: ErrorInfo | undefined, msg: string): string {
  return `${code} ${info === undefined ? "unlisted code" : info.name}: ${msg}`;
}

type Fields = { -readonly [K in "name" | "code" | "msg" | "info" | "match" | "codeClass" | "status" | "retryAfter"]: ApiError[K] };

/** What ApiError's constructor sets, in the order the error's own keys then show. */
function setFields(error: Fields, name: string, code: Code, msg: string, info: ErrorInfo | undefined,
                   options: ApiErrorOptions | undefined): void {
  error.name = name;
  if (options !== undefined && "cause" in options) {
    // ES2022's `new Error(message, { cause })`, on any engine
    Object.defineProperty(error, "cause", { value: options.cause, writable: true, configurable: true });
  }
  error.code = code;
  error.msg = msg;
  error.info = info;
  const found = info === undefined ? undefined : match(msg, code);
  error.match = found;
  error.codeClass = CLASSES.get(found === undefined ? code : classCode(code, found)) ?? ApiError;
  error.status = options?.status;
  error.retryAfter = options?.headers === undefined ? undefined : retryAfterOf(options.headers);
}

type ApiErrorConstructor = new (code: Code, msg: string, options?: ApiErrorOptions) => ApiError;

// The class fromPayload was called on -> code -> the class it builds, for listed codes.
const chosen = new Map<unknown, Map<Code, ApiErrorConstructor>>();

/**
 * The class `fromPayload` builds: the code's own when `cls` is ApiError or a class
 * the code is under (a parent code's sub-code's when the message fits one of that
 * sub-code's templates), else `cls`.
 */
function classFor(cls: ApiErrorConstructor, code: Code, msg: string): ApiErrorConstructor {
  if (SUBCODES.has(code)) {
    const found = match(msg, code);
    if (found !== undefined) code = classCode(code, found);
  }
  let byCode = chosen.get(cls);
  if (byCode === undefined) chosen.set(cls, (byCode = new Map()));
  let built = byCode.get(code);
  if (built === undefined) {
    const specific = CLASSES.get(code);
    if (specific === undefined) return cls; // not kept: a server may send any number of unlisted codes
    built = isOrExtends(specific, cls) ? specific : cls;
    byCode.set(code, built);
  }
  return built;
}

let codeClasses: ReadonlySet<unknown> | undefined; // CLASSES' values, made on first use

/** Whether `cls` is the generated class of a code (not ApiError's or an SDK's subclass of its own). */
function isCodeClass(cls: ApiErrorConstructor): boolean {
  if (codeClasses === undefined) codeClasses = new Set(CLASSES.values());
  return codeClasses.has(cls);
}

/** The code whose class an error of `code` gets: the sub-code `found` is documented under, else `code`. */
function classCode(code: Code, found: Match): Code {
  const documented = found.error.code as Code;
  return documented !== code && (SUBCODES.get(code) ?? []).indexOf(documented) >= 0 ? documented : code;
}

function hasPrototype(prototype: object, value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.prototype.isPrototypeOf.call(prototype, value);
}

function isOrExtends(cls: ApiErrorClass, base: object): boolean {
  return cls === base || hasPrototype((base as { prototype: object }).prototype, cls.prototype);
}

function errorFields(payload: unknown): [Code, string] {
  if (typeof payload === "string") {
    try {
      payload = JSON.parse(payload) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`error body is not JSON: ${reason.slice(0, 200)}`);
    }
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new TypeError(`error body must be a JSON object, not ${describe(payload)}`);
  }
  for (const [codePath, messagePaths] of PAYLOAD) {
    const found = at(payload, codePath);
    if (found !== undefined) return [codeOf(found), messageOf(payload, messagePaths)];
  }
  throw new TypeError(`error body needs ${wanted()}, got ${describe(at(payload, PAYLOAD[0]?.[0] ?? []))}`);
}

/** What `path` leads to in a decoded body; undefined when it leads nowhere (or to null). */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  for (const part of path) {
    if (typeof part === "number" && Array.isArray(value) && part < value.length) value = value[part];
    else if (typeof part === "string" && typeof value === "object" && value !== null && !Array.isArray(value)
      && Object.prototype.hasOwnProperty.call(value, part)) value = (value as Record<string, unknown>)[part];
    else return undefined;
  }
  return value === null ? undefined : value;
}

/** A code as the page writes it: "-1121" on an integer page is -1121, 51008 on a string page "51008". */
function codeOf(value: unknown): Code {
  const isInt = typeof value === "number" && Number.isSafeInteger(value);
  if (CODE_TYPE === "str") {
    if (typeof value === "string" || isInt) return String(value) as unknown as Code;
  } else {
    if (typeof value === "string" && isPlainInteger(value)) return Number(value) as unknown as Code;
    if (isInt) return value as unknown as Code;
  }
  throw new TypeError(`error body needs ${wanted()}, got ${describe(value)}`);
}

function isPlainInteger(text: string): boolean {
  return /^-?(?:0|[1-9][0-9]{0,15})$/.test(text) && Number.isSafeInteger(Number(text));
}

function wanted(): string {
  const paths = PAYLOAD.map(([codePath]) => `'${codePath.join(".")}'`).join(" or ");
  return CODE_TYPE === "str" ? `a string ${paths} (this page's codes are strings)` : `an integer ${paths}`;
}

/** The message at the first of `paths` the body has; "" for a body with no message. */
function messageOf(payload: object, paths: readonly (readonly (string | number)[])[]): string {
  if (paths.length === 0) return "";
  let msg: unknown;
  for (const path of paths) {
    msg = at(payload, path);
    if (msg !== undefined) break;
  }
  if (typeof msg !== "string") {
    const names = paths.map((path) => `'${path.join(".")}'`).join(" or ");
    throw new TypeError(`error body needs a string ${names}, got ${describe(msg)}`);
  }
  return msg;
}

/** Seconds from a Retry-After header (seconds, or an HTTP date), names compared without case. */
function retryAfterOf(headers: HeadersLike | undefined): number | undefined {
  if (headers === undefined || headers === null || typeof headers !== "object") return undefined;
  let value: unknown;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    value = (get as (name: string) => unknown).call(headers, "retry-after");
  } else {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === "retry-after") {
        value = (headers as Record<string, unknown>)[name];
        break;
      }
    }
  }
  if (Array.isArray(value)) value = value[0];
  if (typeof value === "number" && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^[0-9]{1,12}$/.test(text)) return Number(text);
  const when = Date.parse(text.slice(0, 100));
  return Number.isNaN(when) ? undefined : Math.max(0, (when - Date.now()) / 1000);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return `${String(value)} (missing or null)`;
  if (Array.isArray(value)) return "an array";
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${typeof value} ${shown}`.slice(0, 80);
}
