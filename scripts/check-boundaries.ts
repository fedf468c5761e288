// `npm run lint` (after ESLint): a module imports another only through its api.ts.
//
// - A file in src/modules/A/ may import anything in A, and from another module B only
//   src/modules/B/api.ts.
// - Files outside the modules (src/app.ts, src/platform.ts, src/demo, tests, bench, scripts) reach a
//   module only through its api.ts too.
// - src/http/ sits below the modules (their routes use it): it may import from a module only types,
//   and only from src/modules/identity/api.ts (the signed-in user carried by every request).
//
// Prints each violation as `file:line` and exits 1 when there is any.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scannedFolders = ["src", "tests", "bench", "scripts"];
const sourcePattern = /\.(ts|tsx|mts|cts)$/;
const modulesDir = "src/modules/";
const httpDir = "src/http/";
const identityApi = "src/modules/identity/api.ts";

/**
 * Known exceptions, each with the reason it is tolerated for now. They are printed on every run so
 * they stay visible; remove an entry as soon as the import is fixed.
 */
const toleratedExceptions: { file: string; target: string; reason: string }[] = [];

type ImportSite = { file: string; line: number; specifier: string; typeOnly: boolean };
type Violation = ImportSite & { target: string; rule: string };

function listSourceFiles(folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!fs.existsSync(absolute)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !sourcePattern.test(entry.name) || entry.name.endsWith(".d.ts")) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (!file.split("/").includes("node_modules")) files.push(file);
  }
  return files.sort();
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "x"` runs the module.
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return Boolean(bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly));
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return Boolean(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
}

function importsOf(file: string): ImportSite[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    sites.push({ file, line, specifier: specifier.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, isTypeOnlyExport(node));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** The repository-relative path an import points to, or null for packages and node: builtins. */
function resolveTarget(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) return null;
  const absolute = path.resolve(path.dirname(path.join(root, file)), specifier);
  return path.relative(root, absolute).split(path.sep).join("/");
}

/** `src/modules/<name>/…` → name; anything else → null. */
function moduleOf(file: string): string | null {
  if (!file.startsWith(modulesDir)) return null;
  const name = file.slice(modulesDir.length).split("/")[0];
  return name && file.slice(modulesDir.length).includes("/") ? name : null;
}

function isApiOf(target: string, module: string): boolean {
  return target === `${modulesDir}${module}/api.ts` || target === `${modulesDir}${module}/api.tsx`;
}

function check(site: ImportSite): Violation | null {
  const target = resolveTarget(site.file, site.specifier);
  if (!target) return null;
  const targetModule = moduleOf(target);
  if (!targetModule) return null;
  const sourceModule = moduleOf(site.file);
  if (sourceModule === targetModule) return null;
  if (site.file.startsWith(httpDir)) {
    if (target === identityApi && site.typeOnly) return null;
    return { ...site, target, rule: "src/http may import from the modules only types from src/modules/identity/api.ts" };
  }
  if (isApiOf(target, targetModule)) return null;
  const from = sourceModule ? `module "${sourceModule}"` : "code outside the modules";
  return { ...site, target, rule: `${from} may import module "${targetModule}" only through ${modulesDir}${targetModule}/api.ts` };
}

const files = scannedFolders.flatMap(listSourceFiles);
const found = files.flatMap(importsOf).map(check).filter((violation): violation is Violation => violation !== null);
const isTolerated = (violation: Violation) => toleratedExceptions.some((exception) => exception.file === violation.file && exception.target === violation.target);
const violations = found.filter((violation) => !isTolerated(violation));
const tolerated = found.filter(isTolerated);

for (const violation of tolerated) {
  const reason = toleratedExceptions.find((exception) => exception.file === violation.file)?.reason;
  console.warn(`${violation.file}:${violation.line}  tolerated: imports "${violation.specifier}" (${reason})`);
}
for (const violation of violations) {
  console.error(`${violation.file}:${violation.line}  imports "${violation.specifier}": ${violation.rule}`);
}
if (violations.length > 0) {
  console.error(`\n${violations.length} import(s) cross a module boundary (${files.length} files checked).`);
  process.exit(1);
}
console.log(`Module boundaries: ${files.length} files checked, no violation${tolerated.length ? ` (${tolerated.length} tolerated, listed above)` : ""}.`);
