/**
 * n8n itself refuses literal values that break a field's own rules (required, locator regex) before the
 * node runs. Values arriving through expressions — data from earlier nodes — reach the node; that is what
 * the nodes' own checks are for, so bad-input tests give every value as an expression.
 */

/** Fields that steer which other fields exist stay literal, as a user sets them in the editor. */
const LITERAL_KEYS = new Set(['resource', 'operation', 'scope', 'bulkAction', '__rl', 'mode', 'by', 'matchBy', 'authentication', 'returnAll', 'removeAllTags']);

export function viaExpressions(value: unknown, key = ''): unknown {
	if (LITERAL_KEYS.has(key)) return value;
	if (typeof value === 'string') return value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`;
	if (typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v !== 'object'))) return `={{ ${JSON.stringify(value)} }}`;
	if (Array.isArray(value)) return value.map((v) => viaExpressions(v));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, viaExpressions(v, k)]));
	return value;
}
