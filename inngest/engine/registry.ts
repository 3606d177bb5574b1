import type pg from "pg";
import { matchesExpression } from "./expression";
import { toFnDef, type FnDef } from "./functions";
import type { ExecEvent } from "./types";

type Wildcard = { prefix: string; fn: FnDef; expression?: string };

/** Lookup tables over the registered functions: by id, by exact trigger, by wildcard prefix, by cancel event. */
export interface FunctionIndex {
  fns: Map<string, FnDef>;
  byEvent: Map<string, FnDef[]>;
  wildcard: Wildcard[];
  cancelByEvent: Map<string, FnDef[]>;
}

/** Builds the lookup tables for a set of functions. */
export function indexFunctions(list: FnDef[]): FunctionIndex {
  const fns = new Map<string, FnDef>();
  const byEvent = new Map<string, FnDef[]>();
  const wildcard: Wildcard[] = [];
  const cancelByEvent = new Map<string, FnDef[]>();
  for (const fn of list) {
    fns.set(fn.id, fn);
    if (fn.refusal) continue; // refused at registration: nothing starts or cancels its runs
    for (const t of fn.eventTriggers) {
      if (t.event.endsWith("*"))
        wildcard.push({ prefix: t.event.slice(0, -1), fn, expression: t.expression });
      else if (!byEvent.get(t.event)?.includes(fn))
        byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), fn]);
    }
    for (const c of fn.cancel)
      cancelByEvent.set(c.event, [...(cancelByEvent.get(c.event) ?? []), fn]);
  }
  return { fns, byEvent, wildcard, cancelByEvent };
}

/** The functions an event triggers: exact names first, then wildcards, each once, `if` applied. */
export function matchingFunctions(index: FunctionIndex, evt: ExecEvent): FnDef[] {
  const out: FnDef[] = [];
  for (const fn of index.byEvent.get(evt.name) ?? []) {
    for (const t of fn.eventTriggers) {
      if (t.event === evt.name && matchesExpression(t.expression, { event: evt })) {
        out.push(fn);
        break;
      }
    }
  }
  for (const w of index.wildcard) {
    if (
      evt.name.startsWith(w.prefix) &&
      !out.includes(w.fn) &&
      matchesExpression(w.expression, { event: evt })
    )
      out.push(w.fn);
  }
  return out;
}

/**
 * The in-memory copy of `JobFunction`. Several executors may share one database,
 * so it is reloaded periodically and whenever an unknown id turns up.
 */
export class FunctionRegistry {
  private index: FunctionIndex = indexFunctions([]);
  private lastReload = 0;
  private refused = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  async reload(): Promise<void> {
    const { rows } = await this.pool.query<{
      id: string;
      appId: string;
      name: string;
      url: string;
      config: unknown;
    }>(`SELECT id, "appId", name, url, config FROM "JobFunction"`);
    const list: FnDef[] = [];
    for (const row of rows) {
      try {
        const fn = toFnDef(row);
        if (fn.refusal && !this.refused.has(fn.refusal)) this.log(`refused ${fn.refusal}`);
        list.push(fn);
      } catch (err) {
        this.log(`function ${row.id} has an unreadable config: ${(err as Error).message}`);
      }
    }
    this.refused = new Set(list.flatMap((f) => (f.refusal ? [f.refusal] : [])));
    this.index = indexFunctions(list);
    this.lastReload = Date.now();
  }

  /** A function by id; an unknown id reloads the cache first (another instance may have registered it). */
  async get(id: string): Promise<FnDef | undefined> {
    const hit = this.index.fns.get(id);
    if (hit || Date.now() - this.lastReload < 1000) return hit;
    await this.reload();
    return this.index.fns.get(id);
  }

  all(): Iterable<FnDef> {
    return this.index.fns.values();
  }

  matching(evt: ExecEvent): FnDef[] {
    return matchingFunctions(this.index, evt);
  }

  /** Functions with a `cancelOn` rule for this event name. */
  cancelledBy(eventName: string): FnDef[] {
    return this.index.cancelByEvent.get(eventName) ?? [];
  }
}
