import { textProblem } from "./text-problem";

/** How deep objects and arrays may nest; no request we accept needs more than a handful. */
export const MAX_JSON_DEPTH = 32;

export type StrictJsonRefusal = {
  ok: false;
  /** bad_json (syntax) · too_deep · duplicate_key · bad_text (NUL, control character, lone surrogate). */
  code: "bad_json" | "too_deep" | "duplicate_key" | "bad_text";
  /** Dotted path of the offending value ("data.employeeNo", "recipients.0"); "" for the body itself. */
  field: string;
  message: string;
};

export type StrictJsonResult = { ok: true; value: unknown } | StrictJsonRefusal;

class Refusal extends Error {
  constructor(readonly refusal: StrictJsonRefusal) {
    super(refusal.message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * JSON.parse with the checks it lacks, in one pass: nesting deeper than `maxDepth`, a key given
 * twice in one object, and strings (keys included) holding NUL, control characters or lone
 * surrogates are refused, each naming the field path. JSON.parse silently keeps the last of
 * duplicated keys and accepts all of these, which then fail later as a 500 (PostgreSQL refuses
 * NUL; deep values overflow recursive validators). `__proto__` stays an ordinary key.
 */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): StrictJsonResult {
  let pos = 0;
  const path: string[] = [];
  const fail = (code: StrictJsonRefusal["code"], message: string, field = path.join(".")) => {
    throw new Refusal({ ok: false, code, field, message });
  };
  const syntax = (what: string) =>
    fail("bad_json", `The request body is not valid JSON: ${what} at position ${pos}.`, "");
  const skipSpace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") pos++;
      else break;
    }
  };
  const readString = (): string => {
    pos++; // opening quote
    let out = "";
    let start = pos;
    for (;;) {
      if (pos >= text.length) syntax("unterminated string");
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) syntax("raw control character in a string");
      if (c === 0x5c) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        if (e === "u") {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) syntax("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          pos += 2;
        } else syntax("bad escape");
        start = pos;
      } else pos++;
    }
  };
  const checkText = (value: string, what: string, field: string) => {
    const problem = textProblem(value);
    if (problem) fail("bad_text", `${field || "body"}: ${what} ${problem}.`, field);
  };
  const readValue = (depth: number): unknown => {
    skipSpace();
    const c = text[pos];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth)
        fail("too_deep", `${path.join(".") || "body"}: nested deeper than ${maxDepth} levels.`);
      pos++;
      skipSpace();
      if (c === "[") {
        const list: unknown[] = [];
        if (text[pos] === "]") {
          pos++;
          return list;
        }
        for (;;) {
          path.push(String(list.length));
          list.push(readValue(depth + 1));
          path.pop();
          skipSpace();
          if (text[pos] === ",") pos++;
          else if (text[pos] === "]") {
            pos++;
            return list;
          } else syntax("expected , or ]");
        }
      }
      const object: Record<string, unknown> = {};
      const seen = new Set<string>();
      if (text[pos] === "}") {
        pos++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') syntax("expected a key");
        const key = readString();
        const field = [...path, key].join(".");
        checkText(key, "key", field);
        if (seen.has(key))
          fail("duplicate_key", `${field}: the key appears more than once.`, field);
        seen.add(key);
        skipSpace();
        if (text[pos] !== ":") syntax("expected :");
        pos++;
        path.push(key);
        // defineProperty: a "__proto__" key must stay data, not replace the prototype.
        Object.defineProperty(object, key, {
          value: readValue(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        path.pop();
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") {
          pos++;
          return object;
        } else syntax("expected , or }");
      }
    }
    if (c === '"') {
      const value = readString();
      checkText(value, "text", path.join("."));
      return value;
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (!number) return syntax(c === undefined ? "unexpected end" : "unexpected character");
    pos += number[0].length;
    const value = Number(number[0]);
    if (!Number.isFinite(value)) fail("bad_json", `${path.join(".") || "body"}: number too large.`);
    return value;
  };
  try {
    const value = readValue(0);
    skipSpace();
    if (pos < text.length) syntax("unexpected text after the value");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return error.refusal;
    throw error;
  }
}
