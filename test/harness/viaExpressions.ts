/**
 * n8n itself refuses literal values that break a field's own rules (required, locator regex) before the
 * node runs. Values arriving through expressions — data from earlier nodes — reach the node; that is what
 * the nodes' own checks are for, so bad-input tests give every value as an expression.
 */
const LITERAL_KEYS = ['resource', 'operation', 'bulkAction', '__rl', 'mode', 'matchBy', 'authentication'];

export function viaExpressions(value: unknown, key = ''): unknown {
	if (LITERAL_KEYS.includes(key)) return value;
	if (typeof value === 'string' || Array.isArray(value)) return `={{ ${JSON.stringify(value)} }}`;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [
				k,
				Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object') ? v.map((x) => viaExpressions(x)) : viaExpressions(v, k),
			]),
		);
	}
	return value;
}
