/**
 * ESLint rule: which workspace package may import which, and what `core` may
 * touch at all. A wrong arrow between packages fails the lint step.
 *
 * Options: `{ packages: { <dir name>: { imports: [<dir names>], builtins, dependencies } } }`
 * - `imports`: the other workspace packages it may import (by `@dial/<name>` or a relative path);
 * - `builtins`: whether Node built-ins (`node:fs`, `http`…) are allowed;
 * - `dependencies`: when set, the only npm packages allowed, each mapped to the
 *   folders (relative to the package) that may import it;
 * - `testImports`: other workspace packages its tests may import besides, e.g.
 *   the server that the console's end-to-end tests start.
 * Test files (`*.test.ts`, `test-*.ts` helpers, and anything in a package's
 * `e2e/` folder) and a package's own tooling (its `scripts/` folder), which run
 * in Node and are never shipped, may also use built-ins and any npm package.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

const WORKSPACE_ROOTS = ['packages', 'bench'];

/** The workspace package a file lives in: `{ root, dir, name }`, or undefined outside any. */
function packageOf(file, repoRoot) {
  const relative = path.relative(repoRoot, file);
  if (relative.startsWith('..')) return undefined;
  const [root, name] = relative.split(path.sep);
  if (!WORKSPACE_ROOTS.includes(root) || name === undefined) return undefined;
  return { name: root === 'bench' ? 'bench' : name, dir: path.join(repoRoot, root, name) };
}

function npmName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import("eslint").Rule.RuleModule} */
export const packageBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the dependency arrows between Dial packages' },
    schema: [
      {
        type: 'object',
        properties: { packages: { type: 'object' } },
        additionalProperties: false,
      },
    ],
    messages: {
      crossing: '{{from}} may not import {{to}} ({{specifier}}); allowed: {{allowed}}.',
      builtin: '{{from}} may not use the Node built-in "{{specifier}}": it must stay free of I/O.',
      dependency: '{{from}} may not import the npm package "{{specifier}}" here; allowed: {{allowed}}.',
    },
  },
  create(context) {
    const repoRoot = context.cwd;
    const file = context.filename;
    const from = packageOf(file, repoRoot);
    if (from === undefined) return {};
    const policy = context.options[0]?.packages?.[from.name];
    if (policy === undefined) return {};
    const isTest =
      /\.test\.[cm]?[jt]sx?$/.test(file) || /^test-.*\.[cm]?[jt]sx?$/.test(path.basename(file)) || ['e2e', 'scripts'].includes(path.relative(from.dir, file).split(path.sep)[0]);
    const allowedImports = isTest ? [...policy.imports, ...(policy.testImports ?? [])] : policy.imports;

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let target;
      if (specifier.startsWith('.')) {
        target = packageOf(path.resolve(path.dirname(file), specifier), repoRoot);
        if (target === undefined || target.dir === from.dir) return;
      } else if (specifier.startsWith('@dial/')) {
        const name = specifier.split('/')[1];
        target = { name: name.startsWith('bench-') ? 'bench' : name };
        if (target.name === from.name) return;
      } else if (isBuiltin(specifier)) {
        if (!policy.builtins && !isTest) {
          context.report({ node, messageId: 'builtin', data: { from: from.name, specifier } });
        }
        return;
      } else {
        const dependencies = policy.dependencies;
        if (dependencies === undefined || isTest) return;
        const name = npmName(specifier);
        const folders = dependencies[name];
        const here = path.relative(from.dir, file);
        if (folders === undefined || !folders.some((folder) => here.startsWith(folder))) {
          const allowed = Object.entries(dependencies).map(([dep, where]) => `${dep} in ${where.join(', ')}`);
          context.report({
            node,
            messageId: 'dependency',
            data: { from: from.name, specifier, allowed: allowed.join('; ') || 'none' },
          });
        }
        return;
      }
      if (!allowedImports.includes(target.name)) {
        context.report({
          node,
          messageId: 'crossing',
          data: { from: from.name, to: target.name, specifier, allowed: allowedImports.join(', ') || 'no other package' },
        });
      }
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'package-boundaries': packageBoundaries } };
