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
const WHITESPACE = "[ \\t\\n\\r\\x0b\\x0c\\xa0]+";
const PUNCTUATION_SPACE = " ?([!-/:-@\\[-`{-~]) ?";
const TEMPLATES: readonly Template[] = [[[-1000], "Example %s.", ["Example ", "."], ["example ", ""], "Example ", "example "]];
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

/** [codes it belongs to, text, literal pieces around its placeholders, the same folded, key, folded key]. */
type Template = readonly [readonly Code[], string, readonly string[], readonly string[], string, string];

const BY_CODE: ReadonlyMap<Code, ErrorInfo> = new Map(ERRORS.map((info) => [info.code as Code, info]));

/** What the page says about `code`, or undefined for a code it does not list. */
export function lookup(code: Code): ErrorInfo | undefined {
  return BY_CODE.get(code);
}

/** The tier of `match` that fitted. */
export type MatchKind = "exact" | "loose" | "prefix";

/** The template an API message came from, and what `match` read from it. */
export interface Match {
  /** The code the template is documented under. */
  readonly error: ErrorInfo;
  readonly template: string;
  /** The values in its placeholders. */
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
let keyLength = -1; // the longest key in UTF-16 units; -1 until the index is built

/**
 * The template `text` was made from, or undefined when none fits in any tier.
 *
 * Tiers, in order: "exact"; "loose" (a trailing period, the first letter's
 * case and whitespace folded); "prefix" (a template followed by context the
 * server appended, in `rest`). With `code`, its templates are tried first,
 * then the page's others. Templates are tried most specific first. Linear in
 * the text's length times the number of templates.
 */
export function match(text: string, code?: Code): Match | undefined {
  if (keyLength < 0) buildIndex();
  const own = code === undefined ? [] : (byCode.get(code) ?? []);
  let found = exact(text, own, code);
  let folded: string | undefined;
  if (found === undefined && own.length > 0) {
    folded = fold(text);
    found = loose(text, folded, own, code);
  }
  if (found === undefined) found = exact(text, candidates(byKey, text), code);
  if (found === undefined) {
    if (folded === undefined) folded = fold(text);
    found = loose(text, folded, candidates(byLooseKey, folded), code);
  }
  return found;
}

function exact(text: string, indexes: readonly number[], code: Code | undefined): Match | undefined {
  for (const index of indexes) {
    const fit = glob(template(index)[2], text, true);
    if (fit !== undefined) return made(index, code, fit[0].map(([start, end]) => text.slice(start, end)), "exact", "");
  }
  return undefined;
}

function loose(text: string, folded: string, indexes: readonly number[], code: Code | undefined): Match | undefined {
  for (const kind of ["loose", "prefix"] as const) {
    for (const index of indexes) {
      const pieces = template(index)[3];
      const fit = glob(pieces, folded, kind === "loose");
      if (fit === undefined || (kind === "prefix" && !isRest(pieces[pieces.length - 1] ?? "", folded, fit[1]))) continue;
      const original = positions(text);
      const values = fit[0].map(([start, end]) => value(text, folded, original, start, end));
      return made(index, code, values, kind, kind === "prefix" ? rest(text, template(index)[1], original(fit[1])) : "");
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

/** Whether what follows a template's fit is context the server appended, not a longer word. */
function isRest(lastPiece: string, folded: string, end: number): boolean {
  if (lastPiece === "" || end >= folded.length) return false;
  return !(isAlnum(lastPiece.charAt(lastPiece.length - 1)) && isAlnum(folded.charAt(end)));
}

function isAlnum(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || (ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z");
}

function isPunctuation(ch: string): boolean {
  return (ch >= "!" && ch <= "/") || (ch >= ":" && ch <= "@") || (ch >= "[" && ch <= "`") || (ch >= "{" && ch <= "~");
}

let whitespace: RegExp | undefined;
let punctuationSpace: RegExp | undefined;

/**
 * The loose tier's fold (errgen folds each template the same way): whitespace
 * runs to one space, no space next to ASCII punctuation, the ends trimmed, a
 * leading A-Z lowered and one trailing period dropped.
 */
function fold(text: string): string {
  if (whitespace === undefined || punctuationSpace === undefined) {
    whitespace = new RegExp(WHITESPACE, "g");
    punctuationSpace = new RegExp(PUNCTUATION_SPACE, "g");
  }
  let folded = text.replace(whitespace, " ");
  folded = folded.slice(folded.startsWith(" ") ? 1 : 0, folded.endsWith(" ") ? -1 : undefined);
  folded = folded.replace(punctuationSpace, "$1");
  const first = folded.charAt(0);
  if (first >= "A" && first <= "Z") folded = first.toLowerCase() + folded.slice(1);
  return folded.endsWith(".") ? folded.slice(0, -1) : folded;
}

/** Folded index -> index in `text`: the fold only drops or shortens whitespace runs. */
function positions(text: string): (index: number) => number {
  const starts = [0]; // where each stretch of kept text begins in the folded text
  const offsets = [0]; // and in `text`; a run's one kept space ends the stretch before it
  const runs = new RegExp(WHITESPACE, "g");
  for (let run = runs.exec(text); run !== null; run = runs.exec(text)) {
    const start = run.index;
    const end = start + run[0].length;
    const before = text.charAt(start - 1);
    const after = text.charAt(end);
    const kept = start > 0 && end < text.length && !(isPunctuation(before) || isPunctuation(after));
    starts.push((starts[starts.length - 1] ?? 0) + start - (offsets[offsets.length - 1] ?? 0) + (kept ? 1 : 0));
    offsets.push(end);
  }
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return (offsets[low] ?? 0) + index - (starts[low] ?? 0);
  };
}

function candidates(index: ReadonlyMap<string, number[]>, text: string): number[] {
  const found: number[] = [];
  for (let length = 0; length <= Math.min(keyLength, text.length); length++) {
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

function buildIndex(): void {
  keyLength = 0;
  TEMPLATES.forEach(([codes, , , , key, looseKey], index) => {
    for (const code of codes) push(byCode, code, index);
    push(byKey, key, index);
    push(byLooseKey, looseKey, index);
    keyLength = Math.max(keyLength, key.length, looseKey.length);
  });
  SUBCODES.forEach((subcodes, parent) => {
    // a parent's own templates, then its sub-codes', in the order to try them
    const all = new Set<number>(byCode.get(parent) ?? []);
    for (const sub of subcodes) for (const index of byCode.get(sub) ?? []) all.add(index);
    byCode.set(parent, [...all].sort((a, b) => a - b));
  });
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

  readonly code: Code;
  readonly msg: string;
  readonly info: ErrorInfo | undefined;
  readonly match: Match | undefined;
  /** The generated class of the code (`ApiError` for one the page does not list). */
  readonly codeClass: ApiErrorClass;
  /** The HTTP status given in the options, else undefined. */
  readonly status: number | undefined;
  /** Seconds to wait, from the `Retry-After` header given in the options, else undefined. */
  readonly retryAfter: number | undefined;

  constructor(code: Code, msg: string, options?: ApiErrorOptions) {
    const info = lookup(code);
    super(`${code} ${info === undefined ? "unlisted code" : info.name}: ${msg}`);
    this.name = new.target.name; // a subclass is reported by its own name
    if (options !== undefined && "cause" in options) {
      // ES2022's `new Error(message, { cause })`, on any engine
      Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
    }
    this.code = code;
    this.msg = msg;
    this.info = info;
    this.match = info === undefined ? undefined : match(msg, code);
    this.codeClass = CLASSES.get(code) ?? ApiError;
    this.status = options?.status;
    this.retryAfter = retryAfterOf(options?.headers);
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
    const specific = CLASSES.get(code);
    const chosen = specific !== undefined && isOrExtends(specific, this) ? specific : this;
    return new chosen(code, msg, options);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!hasPrototype(ApiError.prototype, value)) return false;
    if (hasPrototype(this.prototype, value)) return true;
    const { codeClass, constructor } = value as ApiError;
    if (codeClass !== constructor && !(constructor as ApiErrorClass).codeClasses) return false;
    return [codeClass, ...(GROUPS_OF.get(codeClass) ?? [])].some((each) => isOrExtends(each, this));
  }
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
