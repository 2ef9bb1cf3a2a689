// n8n's lint for community nodes: eslint-plugin-n8n-nodes-base (nodes, credentials) and
// @n8n/eslint-plugin-community-nodes (the rules n8n's verification and scanner apply).
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const community = communityNodes.configs.recommended;
const rulesOf = (name) => n8nNodesBase.configs[name].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...community.plugins },
		rules: { ...community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...rulesOf('credentials'),
			// The rule's own docs: "Only applicable to nodes in the main repository" (docs.n8n.io slugs).
			// A community package links to its own documentation with a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...rulesOf('nodes'),
			// These two demand the string ['main'], which predates NodeConnectionTypes; n8n's own
			// community rule (@n8n/community-nodes/node-connection-type-literal) demands the enum instead.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
