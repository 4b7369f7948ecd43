import {
  AggregateFunctionNode,
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  ColumnUpdateNode,
  DeleteQueryNode,
  DummyDriver,
  IdentifierNode,
  InsertQueryNode,
  Kysely,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  PrimitiveValueListNode,
  RawNode,
  ReferenceNode,
  SelectAllNode,
  SelectionNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WithNode,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type OrderByItemNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type WhereNode,
} from 'kysely';
import type { OfficeKeys } from './office-sealing';
import { prefixIndexes } from './office-sealing';
import { ANY_ROW, classOf, isSealed, openStored, primaryKeyOf, rowIdOf, sealFor, tableHasSealed } from './sealed-codec';
import { COLUMN_CLASSES, type ColumnClass } from './personal-columns';

/**
 * The sealing store layer (#16 item 2): a kysely plugin installed on the office database's
 * Kysely only (the SQLite vault is encrypted whole by SQLCipher and never sees it), driven by
 * COLUMN_CLASSES so the services keep their queries.
 * - Writes: values of sealed, indexed and blob columns in INSERT (VALUES), UPDATE SET and
 *   ON CONFLICT DO UPDATE are replaced by their stored form (sealed-codec.ts), bound to the row
 *   when the statement names it (the insert's key columns; an update's `where <key> = ?`).
 * - Filters: `=`, `<>`, `in`, `not in`, `is` on an indexed column compare stored forms
 *   (deterministic per column), so the operand is sealed the same way. Anything that would
 *   silently give a wrong answer on ciphertext (ordering, ranges, LIKE, min/max, equality on a
 *   randomly sealed column, INSERT … SELECT into sealed columns, a raw INSERT/UPDATE of a table
 *   with sealed columns) throws SealedQueryError: a service must use the helpers in
 *   sealed-search.ts or compare at the desk.
 * - Name keys and case numbers (PREFIX_COLUMNS) also get their prefix MACs in `name_prefixes`
 *   (migration 046), written by a CTE in the same statement, so "starts with" works by MAC.
 * - Results: every stored form is opened wherever it appears (recognised by its tag), with the
 *   place the query gives (table, column and row id of the selected table's key, which the
 *   plugin selects too when the query did not) checked against the AAD.
 */
export class SealedQueryError extends Error {
  constructor(what: string) {
    super(`not possible on sealed columns (office database): ${what}`);
    this.name = 'SealedQueryError';
  }
}

/** Columns whose prefixes are searchable by MAC (sealed-search.ts `startsWith`). */
export const PREFIX_COLUMNS: Record<string, readonly string[]> = {
  cases: ['case_no', 'subject_name_key', 'subject_kana_key'],
};
/** Longest prefix with a MAC of its own; a longer query matches on its first PREFIX_MAX characters (a superset). */
export const PREFIX_MAX = 64;

export function prefixPurpose(table: string, column: string): string {
  return `${table}.${column}`;
}

const EQUALITY = new Set(['=', '==', '!=', '<>', 'in', 'not in', 'is', 'is not', 'is distinct from', 'is not distinct from']);
const ORDERING_AGGREGATES = new Set(['max', 'min', 'sum', 'avg', 'string_agg', 'group_concat', 'array_agg']);
const HIDDEN = '__kseal_';
const RAW_COMPARISON = /^\s*(not\s+)?(like|ilike|glob|similar|between|<|>|~)/i;

/** Builds the CTE nodes for name_prefixes (never executed here: PostgreSQL SQL only). */
const builder = new Kysely<NamePrefixDb>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

interface NamePrefixDb {
  name_prefixes: { table_name: string; column_name: string; row_id: string; mac: Buffer };
}

type Scope = Map<string, string | null>; // alias (or table name) -> table; null: a derived table or CTE

interface Resolved {
  alias: string;
  table: string;
  column: string;
  cls: ColumnClass;
}

function tableName(node: TableNode): string {
  return node.table.identifier.name;
}

function addSource(scope: Scope, item: OperationNode): void {
  if (TableNode.is(item)) scope.set(tableName(item), tableName(item));
  else if (AliasNode.is(item) && IdentifierNode.is(item.alias)) scope.set(item.alias.name, TableNode.is(item.node) ? tableName(item.node) : null);
}

function selectScope(node: SelectQueryNode): Scope {
  const scope: Scope = new Map();
  for (const f of node.from?.froms ?? []) addSource(scope, f);
  for (const j of node.joins ?? []) addSource(scope, j.table);
  return scope;
}

function updateScope(node: UpdateQueryNode): Scope {
  const scope: Scope = new Map();
  if (node.table) addSource(scope, node.table);
  for (const f of node.from?.froms ?? []) addSource(scope, f);
  for (const j of node.joins ?? []) addSource(scope, j.table);
  return scope;
}

function deleteScope(node: DeleteQueryNode): Scope {
  const scope: Scope = new Map();
  for (const f of node.from.froms) addSource(scope, f);
  for (const u of node.using?.tables ?? []) addSource(scope, u);
  for (const j of node.joins ?? []) addSource(scope, j.table);
  return scope;
}

function insertScope(node: InsertQueryNode): Scope {
  const scope: Scope = new Map();
  if (node.into) addSource(scope, node.into);
  return scope;
}

/** `col`, `t.col`, or `sql.ref('t.col')`: the column named, if the node is only that. */
function columnRef(node: OperationNode): { qualifier?: string; column: string } | null {
  if (ReferenceNode.is(node) && ColumnNode.is(node.column)) return { qualifier: node.table ? tableName(node.table) : undefined, column: node.column.column.name };
  if (ColumnNode.is(node)) return { column: node.column.name };
  if (RawNode.is(node) && node.parameters.length === 1 && node.sqlFragments.every((f) => f === '')) return columnRef(node.parameters[0]!);
  if (ParensNode.is(node)) return columnRef(node.node);
  return null;
}

function resolveIn(scopes: readonly Scope[], node: OperationNode): Resolved | null {
  const ref = columnRef(node);
  if (!ref) return null;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    if (ref.qualifier !== undefined) {
      if (!scope.has(ref.qualifier)) continue;
      const table = scope.get(ref.qualifier);
      return table ? { alias: ref.qualifier, table, column: ref.column, cls: classOf(table, ref.column) } : null;
    }
    const known = [...scope].filter((e): e is [string, string] => !!e[1] && ref.column in (columnsOf(e[1]) ?? {}));
    if (known.length === 1) {
      const [alias, table] = known[0]!;
      return { alias, table, column: ref.column, cls: classOf(table, ref.column) };
    }
    if (known.some(([, t]) => classOf(t, ref.column) !== 'plain')) throw new SealedQueryError(`unqualified column ${ref.column} in a join: qualify it`);
    if (known.length > 1) return null; // plain in every table that has it
  }
  return null;
}

function columnsOf(table: string): Record<string, ColumnClass> | undefined {
  return COLUMN_CLASSES[table];
}

function valueOf(node: OperationNode): { ok: true; value: unknown } | { ok: false } {
  return ValueNode.is(node) ? { ok: true, value: node.value } : { ok: false };
}

/** The row a statement's WHERE pins (`key = value` for every key column, AND-ed at the top), else ANY_ROW. */
function pinnedRow(scopes: readonly Scope[], where: WhereNode | undefined, alias: string, table: string): string {
  if (!where) return ANY_ROW;
  const found = new Map<string, unknown>();
  const walk = (n: OperationNode): void => {
    if (AndNode.is(n)) {
      walk(n.left);
      walk(n.right);
    } else if (ParensNode.is(n)) walk(n.node);
    else if (BinaryOperationNode.is(n) && OperatorNode.is(n.operator) && n.operator.operator === '=') {
      const r = resolveIn(scopes, n.leftOperand);
      const v = valueOf(n.rightOperand);
      if (r && r.alias === alias && v.ok && v.value !== null && v.value !== undefined) found.set(r.column, v.value);
    }
  };
  walk(where.where);
  const key = primaryKeyOf(table);
  return key.every((k) => found.has(k)) ? rowIdOf(key.map((k) => found.get(k))) : ANY_ROW;
}

/** The place of each column a result row may carry, and which output names give each source's row id. */
interface ResultPlan {
  outputs: Map<string, Resolved | 'plain' | 'opaque'>;
  rowIds: Map<string, string[]>; // alias -> output names of its key columns, in key order
  hidden: string[];
}

class Transformer extends OperationNodeTransformer {
  readonly scopes: Scope[] = [];
  constructor(private readonly keys: OfficeKeys) {
    super();
  }

  private resolve(node: OperationNode): Resolved | null {
    return resolveIn(this.scopes, node);
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    this.scopes.push(selectScope(node));
    try {
      return super.transformSelectQuery(node, queryId);
    } finally {
      this.scopes.pop();
    }
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: QueryId): DeleteQueryNode {
    this.scopes.push(deleteScope(node));
    try {
      return super.transformDeleteQuery(node, queryId);
    } finally {
      this.scopes.pop();
    }
  }

  /** `sql\`${sql.ref(col)} like …\`` (vault/query.ts `contains`) and raw ranges: as wrong on ciphertext as the builder's. */
  protected override transformRaw(node: RawNode, queryId?: QueryId): RawNode {
    node.parameters.forEach((p, i) => {
      const r = columnRef(p) ? this.resolve(p) : null;
      if (r && r.cls !== 'plain' && RAW_COMPARISON.test(node.sqlFragments[i + 1] ?? '')) {
        throw new SealedQueryError(`${(node.sqlFragments[i + 1] ?? '').trim().split(/\s+/)[0]} on ${r.table}.${r.column} in raw SQL`);
      }
    });
    return super.transformRaw(node, queryId);
  }

  protected override transformOrderByItem(node: OrderByItemNode, queryId?: QueryId): OrderByItemNode {
    const r = this.resolve(node.orderBy);
    if (r && r.cls !== 'plain') throw new SealedQueryError(`order by ${r.table}.${r.column} (sort at the desk)`);
    return super.transformOrderByItem(node, queryId);
  }

  protected override transformAggregateFunction(node: AggregateFunctionNode, queryId?: QueryId): AggregateFunctionNode {
    if (ORDERING_AGGREGATES.has(node.func.toLowerCase())) {
      for (const a of node.aggregated) {
        const r = this.resolve(a);
        if (r && r.cls !== 'plain') throw new SealedQueryError(`${node.func}(${r.table}.${r.column})`);
      }
    }
    return super.transformAggregateFunction(node, queryId);
  }

  protected override transformBinaryOperation(node: BinaryOperationNode, queryId?: QueryId): BinaryOperationNode {
    const t = super.transformBinaryOperation(node, queryId);
    const op = OperatorNode.is(t.operator) ? t.operator.operator.toLowerCase() : '?';
    const left = this.resolve(t.leftOperand);
    const right = this.resolve(t.rightOperand);
    const l = left && left.cls !== 'plain' ? left : null;
    const r = right && right.cls !== 'plain' ? right : null;
    if (!l && !r) return t;
    if (!EQUALITY.has(op)) throw new SealedQueryError(`${op} on ${(l ?? r)!.table}.${(l ?? r)!.column} (use sealed-search.ts)`);
    if (l && r) {
      if (l.cls === 'indexed' && r.cls === 'indexed' && l.table === r.table && l.column === r.column) return t;
      throw new SealedQueryError(`comparing ${l.table}.${l.column} with ${r.table}.${r.column}`);
    }
    const col = (l ?? r)!;
    const other = l ? t.rightOperand : t.leftOperand;
    const sealed = this.sealOperand(col, other);
    return l ? BinaryOperationNode.create(t.leftOperand, t.operator, sealed) : BinaryOperationNode.create(sealed, t.operator, t.rightOperand);
  }

  /** An equality operand for `col`: its deterministic stored form; null passes; a subquery or expression is left to the server. */
  private sealOperand(col: Resolved, node: OperationNode): OperationNode {
    const place = { table: col.table, column: col.column, rowId: '' };
    const one = (v: unknown): unknown => {
      if (v === null || v === undefined) return v;
      if (col.cls !== 'indexed') throw new SealedQueryError(`equality on ${col.table}.${col.column}, which is not indexed`);
      return sealFor(this.keys, col.cls, place, v);
    };
    if (ValueNode.is(node)) return node.immediate ? ValueNode.createImmediate(one(node.value)) : ValueNode.create(one(node.value));
    if (PrimitiveValueListNode.is(node)) return PrimitiveValueListNode.create(node.values.map(one));
    if (ValueListNode.is(node)) return ValueListNode.create(node.values.map((v) => this.sealOperand(col, v)));
    if (ParensNode.is(node)) return ParensNode.create(this.sealOperand(col, node.node));
    return node;
  }

  protected override transformInsertQuery(node: InsertQueryNode, queryId?: QueryId): InsertQueryNode {
    this.scopes.push(insertScope(node));
    try {
      const t = super.transformInsertQuery(node, queryId);
      const table = t.into ? tableName(t.into) : null;
      if (!table || !tableHasSealed(table)) return t;
      const columns = (t.columns ?? []).map((c) => c.column.name);
      const key = primaryKeyOf(table);
      const prefixCols = (PREFIX_COLUMNS[table] ?? []).filter((c) => columns.includes(c));
      const prefixes: PrefixWrite[] = [];
      let values = t.values;
      let singleRow: string = ANY_ROW;
      if (values && ValuesNode.is(values)) {
        const count = values.values.length;
        const rows = values.values.map((row) => {
          const cells: OperationNode[] = PrimitiveValueListNode.is(row) ? row.values.map((v) => ValueNode.create(v)) : [...row.values];
          const keyVals = key.map((k) => {
            const i = columns.indexOf(k);
            const v = i >= 0 ? valueOf(cells[i]!) : { ok: false as const };
            return v.ok && v.value !== null && v.value !== undefined ? v.value : undefined;
          });
          const rowId = keyVals.every((v) => v !== undefined) ? rowIdOf(keyVals) : ANY_ROW;
          const out = cells.map((cell, i) => {
            const column = columns[i]!;
            const cls = classOf(table, column);
            if (cls === 'plain') {
              // A plain column with prefix MACs (the case number: sorted by the server, found by prefix).
              if (prefixCols.includes(column) && ValueNode.is(cell)) {
                if (rowId === ANY_ROW) throw new SealedQueryError(`${table}.${column} without the row's key`);
                prefixes.push({ table, column, rowId, value: cell.value });
              }
              return cell;
            }
            if (!ValueNode.is(cell)) {
              if (cell.kind === 'DefaultInsertValueNode') return cell;
              throw new SealedQueryError(`an expression into ${table}.${column}`);
            }
            if (prefixCols.includes(column)) {
              if (rowId === ANY_ROW) throw new SealedQueryError(`${table}.${column} without the row's key`);
              prefixes.push({ table, column, rowId, value: cell.value });
            }
            return ValueNode.create(sealFor(this.keys, cls, { table, column, rowId }, cell.value));
          });
          if (count === 1) singleRow = rowId;
          return ValueListNode.create(out);
        });
        values = ValuesNode.create(rows);
      } else if (values && columns.some((c) => classOf(table, c) !== 'plain')) {
        throw new SealedQueryError(`insert … select into sealed columns of ${table}`);
      }
      let onConflict = t.onConflict;
      if (onConflict?.updates) {
        // The conflicting row is the inserted row's only when the conflict is on the key.
        const onKey = (onConflict.columns ?? []).map((c) => c.column.name).join() === key.join();
        const updates = onConflict.updates.map((u) => this.sealUpdate(table, onKey ? singleRow : ANY_ROW, u, prefixes));
        onConflict = { ...onConflict, updates };
      }
      const out: InsertQueryNode = { ...t, values, onConflict };
      return prefixes.length ? { ...out, with: this.withPrefixes(out.with, prefixes) } : out;
    } finally {
      this.scopes.pop();
    }
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: QueryId): UpdateQueryNode {
    const scope = updateScope(node);
    this.scopes.push(scope);
    try {
      const t = super.transformUpdateQuery(node, queryId);
      const target = t.table ? [...updateScope({ ...t, from: undefined, joins: undefined })][0] : undefined;
      if (!target || !target[1] || !tableHasSealed(target[1])) return t;
      const [alias, table] = target as [string, string];
      const rowId = pinnedRow(this.scopes, t.where, alias, table);
      const prefixes: PrefixWrite[] = [];
      const updates = t.updates?.map((u) => this.sealUpdate(table, rowId, u, prefixes));
      const out: UpdateQueryNode = { ...t, updates };
      return prefixes.length ? { ...out, with: this.withPrefixes(out.with, prefixes) } : out;
    } finally {
      this.scopes.pop();
    }
  }

  private sealUpdate(table: string, rowId: string, u: ColumnUpdateNode, prefixes: PrefixWrite[]): ColumnUpdateNode {
    const column = ColumnNode.is(u.column) ? u.column.column.name : columnRef(u.column)?.column;
    if (!column) return u;
    const cls = classOf(table, column);
    if (cls === 'plain') {
      if ((PREFIX_COLUMNS[table] ?? []).includes(column) && ValueNode.is(u.value)) {
        if (rowId === ANY_ROW) throw new SealedQueryError(`${table}.${column} changed without naming the row (where id = ?)`);
        prefixes.push({ table, column, rowId, value: u.value.value });
      }
      return u;
    }
    // `excluded.col` in an upsert: the value sealed for the inserted row.
    const ref = columnRef(u.value);
    if (ref && ref.qualifier === 'excluded' && ref.column === column) return u;
    if (!ValueNode.is(u.value)) throw new SealedQueryError(`an expression into ${table}.${column}`);
    if ((PREFIX_COLUMNS[table] ?? []).includes(column)) {
      if (rowId === ANY_ROW) throw new SealedQueryError(`${table}.${column} changed without naming the row (where id = ?)`);
      prefixes.push({ table, column, rowId, value: u.value.value });
    }
    return ColumnUpdateNode.create(u.column, ValueNode.create(sealFor(this.keys, cls, { table, column, rowId }, u.value.value)));
  }

  /** CTEs that replace the prefix MACs of the written rows: stale ones deleted, new ones added (disjoint sets, so one statement may do both). */
  private withPrefixes(existing: WithNode | undefined, writes: PrefixWrite[]): WithNode {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a chain of .with() whose type grows per step
    let chain: any = builder;
    writes.forEach((w, i) => {
      const macs = w.value === null || w.value === undefined ? [] : prefixIndexes(this.keys, prefixPurpose(w.table, w.column), String(w.value), PREFIX_MAX);
      chain = chain.with(`${HIDDEN}d${i}`, (db: Kysely<NamePrefixDb>) => {
        let d = db.deleteFrom('name_prefixes').where('table_name', '=', w.table).where('column_name', '=', w.column).where('row_id', '=', w.rowId);
        if (macs.length) d = d.where('mac', 'not in', macs);
        return d;
      });
      if (macs.length) {
        chain = chain.with(`${HIDDEN}i${i}`, (db: Kysely<NamePrefixDb>) =>
          db
            .insertInto('name_prefixes')
            .values(macs.map((mac) => ({ table_name: w.table, column_name: w.column, row_id: w.rowId, mac })))
            .onConflict((oc) => oc.doNothing()),
        );
      }
    });
    const made = (chain.selectNoFrom(sql<number>`1`.as('x')) as { toOperationNode(): SelectQueryNode }).toOperationNode().with!;
    return existing ? { ...existing, expressions: [...existing.expressions, ...made.expressions] } : made;
  }
}

interface PrefixWrite {
  table: string;
  column: string;
  rowId: string;
  value: unknown;
}

/** Output names of a root query and the places they come from; adds the key columns a sealed value's row check needs. */
function planResult(
  selections: readonly SelectionNode[],
  scope: Scope,
  canAddKeys: boolean,
): { plan: ResultPlan; extra: SelectionNode[] } {
  const outputs: ResultPlan['outputs'] = new Map();
  const keyOutputs = new Map<string, Map<string, string>>(); // alias -> key column -> output name
  const set = (name: string, what: Resolved | 'plain' | 'opaque') => {
    const before = outputs.get(name);
    if (before !== undefined && !(typeof before === 'object' && typeof what === 'object' && before.alias === what.alias && before.column === what.column)) {
      outputs.set(name, 'opaque'); // the same name from two sources: the driver keeps one, the plugin cannot tell which
      for (const m of keyOutputs.values()) for (const [k, v] of m) if (v === name) m.delete(k);
      return;
    }
    outputs.set(name, what);
    if (typeof what === 'object' && primaryKeyOf(what.table).includes(what.column)) {
      const m = keyOutputs.get(what.alias) ?? new Map<string, string>();
      m.set(what.column, name);
      keyOutputs.set(what.alias, m);
    }
  };
  const all = (alias: string, table: string | null) => {
    if (!table) return;
    for (const column of Object.keys(columnsOf(table) ?? {})) set(column, { alias, table, column, cls: classOf(table, column) });
  };
  for (const s of selections) {
    const node = s.selection;
    if (SelectAllNode.is(node)) for (const [alias, table] of scope) all(alias, table);
    else if (ReferenceNode.is(node) && SelectAllNode.is(node.column)) {
      const alias = node.table ? tableName(node.table) : '';
      all(alias, scope.get(alias) ?? null);
    } else if (AliasNode.is(node) && IdentifierNode.is(node.alias)) {
      const r = resolveIn([scope], node.node);
      set(node.alias.name, r ?? 'opaque');
    } else {
      const ref = columnRef(node);
      // Unresolved (a derived table, an ambiguous name): opened by the place its value carries.
      if (ref) set(ref.column, resolveIn([scope], node) ?? 'opaque');
    }
  }
  const rowIds: ResultPlan['rowIds'] = new Map();
  const extra: SelectionNode[] = [];
  const hidden: string[] = [];
  const needing = new Set([...outputs.values()].flatMap((o) => (typeof o === 'object' && (o.cls === 'sealed' || o.cls === 'blob') ? [o.alias] : [])));
  for (const alias of needing) {
    const table = scope.get(alias);
    if (!table) continue;
    const key = primaryKeyOf(table);
    const have = keyOutputs.get(alias) ?? new Map<string, string>();
    if (key.every((k) => have.has(k))) {
      rowIds.set(alias, key.map((k) => have.get(k)!));
      continue;
    }
    if (!canAddKeys) continue;
    const names = key.map((k, i) => {
      const name = `${HIDDEN}${extra.length}_${i}`;
      extra.push(SelectionNode.create(AliasNode.create(ReferenceNode.create(ColumnNode.create(k), TableNode.create(alias)), IdentifierNode.create(name))));
      hidden.push(name);
      return name;
    });
    rowIds.set(alias, names);
  }
  return { plan: { outputs, rowIds, hidden }, extra };
}

function hasAggregate(selections: readonly SelectionNode[]): boolean {
  const seen = (n: OperationNode): boolean => AggregateFunctionNode.is(n) || (AliasNode.is(n) && seen(n.node));
  return selections.some((s) => seen(s.selection));
}

const RAW_WRITE = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert\s+into|update)\s+"?(\w+)"?/i;

export class SealingPlugin implements KyselyPlugin {
  readonly #plans = new WeakMap<QueryId, ResultPlan>();

  constructor(readonly keys: OfficeKeys) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (RawNode.is(node)) {
      const m = RAW_WRITE.exec(node.sqlFragments.join('?'));
      if (m && tableHasSealed(m[2]!)) throw new SealedQueryError(`raw ${m[1]!.toLowerCase()} of ${m[2]} (use the query builder so values are sealed)`);
      return node;
    }
    const t = new Transformer(this.keys);
    const out = t.transformNode(node) as RootOperationNode;
    // UNION and the like: rows come from several selects, so each value opens by the place it carries.
    if (SelectQueryNode.is(out) && out.selections && !out.setOperations) {
      const canAdd =
        !out.groupBy && !out.distinctOn && !out.setOperations && !(out.frontModifiers ?? []).some((m) => m.modifier === 'Distinct') && !hasAggregate(out.selections);
      const { plan, extra } = planResult(out.selections, selectScope(out), canAdd);
      this.#plans.set(queryId, plan);
      return extra.length ? SelectQueryNode.cloneWithSelections(out, extra) : out;
    }
    if ((InsertQueryNode.is(out) || UpdateQueryNode.is(out) || DeleteQueryNode.is(out)) && out.returning) {
      const scope = InsertQueryNode.is(out) ? insertScope(out) : UpdateQueryNode.is(out) ? updateScope(out) : deleteScope(out);
      this.#plans.set(queryId, planResult(out.returning.selections, scope, false).plan);
    }
    return out;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const plan = this.#plans.get(queryId);
    if (!result.rows.length) return result;
    const rows = result.rows.map((row) => this.openRow(row, plan));
    return { ...result, rows };
  }

  openRow(row: UnknownRow, plan: ResultPlan | undefined): UnknownRow {
    const out: UnknownRow = {};
    for (const [name, value] of Object.entries(row)) {
      if (plan?.hidden.includes(name)) continue;
      if (!isSealed(value)) {
        out[name] = value;
        continue;
      }
      const at = plan?.outputs.get(name);
      if (at === 'plain' || (at && at !== 'opaque' && at.cls === 'plain')) {
        out[name] = value; // a plain column never holds a sealed value the desk wrote: shown as it is
        continue;
      }
      if (at && at !== 'opaque') {
        const ids = plan!.rowIds.get(at.alias);
        const rowId = ids ? rowIdOf(ids.map((n) => row[n])) : undefined;
        out[name] = openStored(this.keys, value as string | Uint8Array, { table: at.table, column: at.column, rowId });
      } else out[name] = openStored(this.keys, value as string | Uint8Array);
    }
    return out;
  }
}

/** The sealing plugin installed on `db`, or null (the SQLite vault). */
export function sealingOf(db: { getExecutor(): { plugins: ReadonlyArray<KyselyPlugin> } }): SealingPlugin | null {
  return (db.getExecutor().plugins.find((p) => p instanceof SealingPlugin) as SealingPlugin | undefined) ?? null;
}
