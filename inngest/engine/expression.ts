// A small subset of the CEL expressions Inngest accepts in trigger `if`,
// waitForEvent `if`/`match` and cancelOn. Supported: paths (event.data.x,
// async.data.items[0], event.data["k"]), string/number/bool/null literals,
// == != < <= > >=, &&, ||, !, + and - (numbers; + also joins strings),
// `cond ? a : b`, parentheses. Anything else is a parse error.

type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

type Node =
  | { k: "lit"; v: unknown }
  | { k: "path"; root: string; parts: (string | number)[] }
  | { k: "not"; e: Node }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "if"; c: Node; a: Node; b: Node };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) {
          const n = src[j + 1];
          v += n === "n" ? "\n" : n === "t" ? "\t" : n;
          j += 2;
          continue;
        }
        v += src[j++];
      }
      if (j >= src.length) throw new ExpressionError(`Unterminated string at ${i}`);
      out.push({ t: "str", v });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    const prev = out[out.length - 1];
    const afterOperand = prev && (prev.t !== "op" || prev.v === ")" || prev.v === "]");
    if (num && (c !== "-" || !afterOperand)) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = [
      "==",
      "!=",
      "<=",
      ">=",
      "&&",
      "||",
      "<",
      ">",
      "!",
      "(",
      ")",
      ".",
      "[",
      "]",
      "+",
      "-",
      "?",
      ":",
    ].find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`Unexpected character "${c}" at ${i}`);
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

function parse(tokens: Token[]): Node {
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === "op" && peek()!.v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`Expected "${v}"`);
    pos++;
  };

  const primary = (): Node => {
    const tok = peek();
    if (!tok) throw new ExpressionError("Unexpected end of expression");
    if (tok.t === "op" && tok.v === "(") {
      pos++;
      const e = ternary();
      expectOp(")");
      return e;
    }
    if (tok.t === "str" || tok.t === "num") {
      pos++;
      return { k: "lit", v: tok.v };
    }
    if (tok.t === "id") {
      pos++;
      if (tok.v === "true" || tok.v === "false") return { k: "lit", v: tok.v === "true" };
      if (tok.v === "null") return { k: "lit", v: null };
      const parts: (string | number)[] = [];
      for (;;) {
        if (isOp(".")) {
          pos++;
          const n = peek();
          if (n?.t !== "id") throw new ExpressionError("Expected a field name after '.'");
          parts.push(n.v);
          pos++;
        } else if (isOp("[")) {
          pos++;
          const n = peek();
          if (n?.t !== "str" && n?.t !== "num")
            throw new ExpressionError("Expected a string or number index");
          parts.push(n.v);
          pos++;
          expectOp("]");
        } else break;
      }
      return { k: "path", root: tok.v, parts };
    }
    throw new ExpressionError(`Unexpected token "${String(tok.v)}"`);
  };
  const unary = (): Node => {
    if (isOp("!")) {
      pos++;
      return { k: "not", e: unary() };
    }
    return primary();
  };
  const additive = (): Node => {
    let l = unary();
    while (isOp("+") || isOp("-")) {
      const op = String(peek()!.v);
      pos++;
      l = { k: "bin", op, l, r: unary() };
    }
    return l;
  };
  const cmp = (): Node => {
    const l = additive();
    const tok = peek();
    if (tok?.t === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(tok.v)) {
      pos++;
      return { k: "bin", op: tok.v, l, r: additive() };
    }
    return l;
  };
  const and = (): Node => {
    let l = cmp();
    while (isOp("&&")) {
      pos++;
      l = { k: "bin", op: "&&", l, r: cmp() };
    }
    return l;
  };
  const or = (): Node => {
    let l = and();
    while (isOp("||")) {
      pos++;
      l = { k: "bin", op: "||", l, r: and() };
    }
    return l;
  };
  const ternary = (): Node => {
    const c = or();
    if (!isOp("?")) return c;
    pos++;
    const a = ternary();
    expectOp(":");
    return { k: "if", c, a, b: ternary() };
  };
  const root = ternary();
  if (pos !== tokens.length)
    throw new ExpressionError(`Unexpected token "${String(tokens[pos].v)}"`);
  return root;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function evaluate(node: Node, vars: Record<string, unknown>): unknown {
  switch (node.k) {
    case "lit":
      return node.v;
    case "path": {
      let cur: unknown = vars[node.root];
      for (const p of node.parts) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<string | number, unknown>)[p];
      }
      return cur;
    }
    case "not":
      return !truthy(evaluate(node.e, vars));
    case "if":
      return evaluate(truthy(evaluate(node.c, vars)) ? node.a : node.b, vars);
    case "bin": {
      if (node.op === "&&") return truthy(evaluate(node.l, vars)) && truthy(evaluate(node.r, vars));
      if (node.op === "||") return truthy(evaluate(node.l, vars)) || truthy(evaluate(node.r, vars));
      const l = evaluate(node.l, vars);
      const r = evaluate(node.r, vars);
      if (node.op === "+" || node.op === "-") return arithmetic(node.op, l, r);
      if (node.op === "==") return l !== undefined && r !== undefined && equal(l, r);
      if (node.op === "!=") return !(l !== undefined && r !== undefined && equal(l, r));
      const comparable =
        (typeof l === "number" && typeof r === "number") ||
        (typeof l === "string" && typeof r === "string");
      if (!comparable) return false;
      const a = l as number | string;
      const b = r as number | string;
      return node.op === "<" ? a < b : node.op === "<=" ? a <= b : node.op === ">" ? a > b : a >= b;
    }
  }
}

const truthy = (v: unknown) => v === true;

/** `+` adds numbers or joins strings (a number joined to a string is written out); `-` only subtracts numbers. */
function arithmetic(op: string, l: unknown, r: unknown): unknown {
  if (typeof l === "number" && typeof r === "number") return op === "+" ? l + r : l - r;
  if (op === "+" && (typeof l === "string" || typeof r === "string")) {
    const ok = (v: unknown) => typeof v === "string" || typeof v === "number";
    return ok(l) && ok(r) ? `${String(l)}${String(r)}` : undefined;
  }
  return undefined;
}

/** A compiled expression: `matches({ event, async })`. */
export interface CompiledExpression {
  source: string;
  matches(vars: Record<string, unknown>): boolean;
}

/** Compiles an expression; throws ExpressionError for anything outside the subset. */
export function compileExpression(source: string): CompiledExpression {
  const ast = parse(tokenize(source));
  return { source, matches: (vars) => truthy(evaluate(ast, vars)) };
}

const cache = new Map<string, CompiledExpression | ExpressionError>();

/** Evaluates with a small compile cache; an invalid expression never matches. */
export function matchesExpression(
  source: string | null | undefined,
  vars: Record<string, unknown>,
): boolean {
  if (!source || !source.trim()) return true;
  let c = cache.get(source);
  if (!c) {
    try {
      c = compileExpression(source);
    } catch (err) {
      c = err instanceof ExpressionError ? err : new ExpressionError(String(err));
    }
    if (cache.size > 5000) cache.clear();
    cache.set(source, c);
  }
  return c instanceof ExpressionError ? false : c.matches(vars);
}

/** The value of an expression (priority seconds, keys); undefined when it is invalid or evaluates to nothing. */
export function evaluateValue(source: string, vars: Record<string, unknown>): unknown {
  try {
    return evaluate(parse(tokenize(source)), vars);
  } catch {
    return undefined;
  }
}

/** Evaluates a key expression such as `event.data.customerId` or `"sync-" + event.data.targetId` to a string key; null when absent or invalid. */
export function evaluateKey(source: string, vars: Record<string, unknown>): string | null {
  const v = evaluateValue(source, vars);
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}
