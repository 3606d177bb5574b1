/** How a key stands in a path: `a.b`, `list[0]`, or JSON-quoted (`a["b c"]`) when it is not a plain name. */
function step(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

function textProblem(s: string): string | null {
  // PostgreSQL refuses NUL in text and in jsonb ("unsupported Unicode escape sequence").
  if (s.includes("\u0000")) return "contains NUL (\\u0000), which cannot be stored";
  // A lone UTF-16 surrogate is no Unicode character: jsonb refuses its escape, text would store U+FFFD.
  if (!s.isWellFormed()) return "contains a lone UTF-16 surrogate, which is not valid Unicode";
  return null;
}

/**
 * A string or object key in `value` that PostgreSQL cannot store as text or jsonb, as
 * `<path>: <why>` (path starting at `root`, which may be empty); null when every one can be stored. Iterative, so a
 * deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root: string): string | null {
  const todo: { v: unknown; path: string }[] = [{ v: value, path: root }];
  while (todo.length) {
    const { v, path } = todo.pop()!;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) return `${path}: ${problem}`;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) todo.push({ v: v[i], path: step(path, i) });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i];
        const keyProblem = textProblem(k);
        if (keyProblem) return `${step(path, k)}: the key ${keyProblem}`;
        todo.push({ v: child, path: step(path, k) });
      }
    }
  }
  return null;
}

/** What the SDK sends back for a step (an opcode), as far as it is stored. */
type StepOp = {
  id: string;
  name?: string;
  displayName?: string;
  opts?: unknown;
  data?: unknown;
  error?: unknown;
};

/** How a step is named in messages: its display name, or its hashed id when the name itself cannot be stored. */
export function storableStepName(op: StepOp): string {
  const name = op.displayName ?? op.name ?? op.id;
  return findUnstorableText(name, "") ? op.id : name;
}

/**
 * Why a step the SDK reported cannot be stored, as `step "<name>": <path>: <why>` (path under
 * `output`, `error`, `opts` or `name`); null when all of it can be.
 */
export function findUnstorableStep(op: StepOp): string | null {
  const problem =
    findUnstorableText(op.data, "output") ??
    findUnstorableText(op.error, "error") ??
    findUnstorableText(op.opts, "opts") ??
    findUnstorableText([op.name, op.displayName], "name");
  return problem && `step ${JSON.stringify(storableStepName(op))}: ${problem}`;
}
