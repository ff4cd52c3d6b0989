// Which message namespaces each part of the app sends to the browser (npm run i18n:scopes).
//
// A scope is one page or layout under app/ (`creditor/cases/page`, `creditor/layout`). From its file
// the script follows the imports to the client components ('use client', and everything they
// import) and collects the top-level namespaces those use: `useTranslations('ns')`, and every
// string naming a key, `t('ns.key')` or a key kept in data (`labelKey: 'ns.key'`, `` `ns.${x}` ``).
// A key whose namespace is itself computed (`` t(`${view.texts}.title`) ``) counts every namespace
// named by a bare string (`texts: 'imports'`) among the scope's client files.
//
// It writes server/i18n/client-scopes.json; server/i18n/client-messages.ts picks those namespaces
// out of the catalog for each page and layout (app/_components/with-messages.tsx): a layout sends
// what its own client components use, a page what its own do. scripts/client-messages.test.ts fails when the file is stale.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCOPES_FILE = path.join(ROOT, 'server/i18n/client-scopes.json');

const APP = path.join(ROOT, 'app');
const ROUTE_FILE = /^(page|layout|template|loading|error|not-found|default)\.tsx?$/;
const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

/** Every page and layout under app/ (not the API routes), by its path without the extension. */
export const routeFiles = (dir = APP): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return dir === APP && name === 'api' ? [] : routeFiles(full);
      return ROUTE_FILE.test(name) ? [full] : [];
    });

/** A route file's scope: its path under app/ without the extension (`creditor/cases/page`, `layout`). */
export const scopeOf = (file: string) =>
  path
    .relative(APP, file)
    .replace(/\.tsx?$/, '')
    .split(path.sep)
    .join('/');

const resolveImport = (from: string, spec: string): string | null => {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null; // an npm package: no messages of ours
  if (/\.(tsx?|json)$/.test(base) && existsSync(base)) return base.endsWith('.json') ? null : base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
};

/** The screens themselves (components/, app/), as against the shared code they import. */
const isScreenCode = (file: string) => /^(components|app)\//.test(path.relative(ROOT, file).split(path.sep).join('/'));

type Parsed = {
  isClient: boolean;
  imports: string[];
  /** Namespace-looking prefixes of every string and template head. */
  keyStrings: string[];
  /** Heads of template strings (`` `ns.${x}` ``): a key whose end is computed. */
  keyHeads: string[];
  /** The strings and heads passed straight to a call or kept as a `…key` or `message` property. */
  argStrings: string[];
  /** Bare strings (a namespace named on its own). */
  bareStrings: string[];
  hasComputedNamespace: boolean;
};

const parsed = new Map<string, Parsed>();

const parse = (file: string): Parsed => {
  const cached = parsed.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const out: Parsed = {
    isClient:
      first !== undefined &&
      ts.isExpressionStatement(first) &&
      ts.isStringLiteral(first.expression) &&
      first.expression.text === 'use client',
    imports: [],
    keyStrings: [],
    keyHeads: [],
    argStrings: [],
    bareStrings: [],
    hasComputedNamespace: false,
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
        out.imports.push(node.moduleSpecifier.text);
      }
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        out.imports.push(node.moduleSpecifier.text);
      }
      return;
    }
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      out.imports.push(node.arguments[0].text);
    }
    const isArgument =
      node.parent !== undefined &&
      ((ts.isCallExpression(node.parent) && node.parent.arguments.some((a) => a === node)) ||
        (ts.isPropertyAssignment(node.parent) &&
          node.parent.initializer === node &&
          /(key|message)$/i.test(node.parent.name.getText())));
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.keyStrings.push(node.text);
      out.bareStrings.push(node.text);
      if (isArgument) out.argStrings.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      // `${view.texts}.title`: the namespace itself is computed.
      if (node.head.text === '' && node.templateSpans[0]?.literal.text.startsWith('.')) out.hasComputedNamespace = true;
      else if (node.head.text !== '') {
        out.keyHeads.push(node.head.text);
        if (isArgument) out.argStrings.push(node.head.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, out);
  return out;
};

/** The client files reached from a scope's route files: those marked 'use client' and all they import. */
const clientFilesOf = (entries: string[]): string[] => {
  const seen = new Set<string>();
  const client = new Set<string>();
  const queue: [string, boolean][] = entries.map((f) => [f, false]);
  while (queue.length > 0) {
    const [file, inherited] = queue.shift() as [string, boolean];
    const p = parse(file);
    const isClient = inherited || p.isClient;
    const key = `${isClient ? 'c' : 's'}:${file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isClient) client.add(file);
    for (const spec of p.imports) {
      const target = resolveImport(file, spec);
      if (target) queue.push([target, isClient]);
    }
  }
  return [...client].sort();
};

/** The top-level namespaces each scope's client components use. */
export const computeClientScopes = (): Record<string, string[]> => {
  const catalog = JSON.parse(readFileSync(path.join(ROOT, 'messages/zh-CN.json'), 'utf8')) as Record<string, unknown>;
  const namespaces = new Set(Object.keys(catalog));
  const namespaceOf = (s: string) => {
    const m = /^([A-Za-z][A-Za-z0-9]*)\./.exec(s);
    return m?.[1] && namespaces.has(m[1]) ? m[1] : null;
  };
  /** A whole string is a key only if the catalog has it (a permission such as 'cases.read' is not). */
  const isKey = (s: string) => {
    let node: unknown = catalog;
    for (const part of s.split('.')) {
      if (node === null || typeof node !== 'object' || !(part in node)) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return true;
  };
  const result: Record<string, string[]> = {};
  for (const entry of routeFiles()) {
    const scope = scopeOf(entry);
    const files = clientFilesOf([entry]);
    const used = new Set<string>();
    let isComputed = false;
    for (const file of files) {
      const p = parse(file);
      if (!isScreenCode(file)) {
        // lib/ and the *.schema.ts files hold value lists (permissions, audit actions, procedure
        // names) that look like keys: only a string handed to a call or kept as a key counts there.
        for (const s of p.argStrings) {
          const ns = namespaceOf(s);
          if (ns && (isKey(s) || p.keyHeads.includes(s))) used.add(ns);
        }
        continue;
      }
      for (const s of p.keyStrings) {
        const ns = namespaceOf(s);
        if (ns && isKey(s)) used.add(ns);
      }
      for (const s of p.keyHeads) {
        const ns = namespaceOf(s);
        if (ns) used.add(ns);
      }
      isComputed ||= p.hasComputedNamespace;
    }
    if (isComputed) {
      for (const file of files.filter(isScreenCode)) {
        for (const s of parse(file).bareStrings) if (namespaces.has(s)) used.add(s);
      }
    }
    // `useTranslations('ns')` names its namespace without a dot.
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*['"]([A-Za-z][A-Za-z0-9]*)/g)) {
        if (m[1] && namespaces.has(m[1])) used.add(m[1]);
      }
    }
    result[scope] = [...used].sort();
  }
  return result;
};

export const renderScopes = (scopes: Record<string, string[]>) => `${JSON.stringify(scopes, null, 2)}\n`;

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const scopes = computeClientScopes();
  writeFileSync(SCOPES_FILE, renderScopes(scopes));
  for (const [scope, list] of Object.entries(scopes)) console.log(`${scope}: ${list.length} namespaces`);
}
