/**
 * `lobby/client-boundary`: a module that starts with "use client" ships to the browser, so it
 * must not import server-side code: the session and tokens (lib/auth), the database (lib/db),
 * the job queue (lib/jobs), Node built-ins, or anything marked `server-only`. ESLint's own
 * `no-restricted-imports` cannot tell client modules from server ones; this rule reads the
 * directive. Type-only imports are erased at build time and stay allowed.
 */
const SERVER_ONLY = [/^server-only$/, /^@\/lib\/(auth|db|jobs)(\/|$)/, /^node:/];

function isClientModule(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string")
      return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

export const clientBoundary = {
  meta: {
    type: "problem",
    docs: { description: "Client components never import server-only modules" },
    messages: {
      serverImport:
        'A "use client" module cannot import {{source}}: it would ship server code (sessions, tokens, the database) to the browser. Pass the data in as props, or call a route.',
    },
    schema: [],
  },
  create(context) {
    let client = false;
    return {
      Program(program) {
        client = isClientModule(program);
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type") return;
        const source = node.source.value;
        if (SERVER_ONLY.some((pattern) => pattern.test(source)))
          context.report({ node, messageId: "serverImport", data: { source } });
      },
    };
  },
};

const lobbyPlugin = { rules: { "client-boundary": clientBoundary } };
export default lobbyPlugin;
