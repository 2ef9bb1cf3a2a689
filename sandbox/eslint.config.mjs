// Not part of the published package: `npm run lint` (n8n-node lint) lints the package's source (nodes,
// credentials, package.json: what n8n's scanner calls source) with n8n's default config, unmodified
// (eslint.config.mjs at the root, which n8n-node's strict mode requires). ESLint's config lookup from
// file (ESLINT_FLAGS=unstable_config_lookup_from_file in the lint script; the default from ESLint 10)
// gives this folder its own config, so the cloud rules for node code (no process, no setTimeout, no
// node: imports) do not apply to tests and tools that run outside n8n. Type-checked by ts-jest/ts-node.
export default [{ ignores: ['**'] }];
