/**
 * The secrets the tests use: fixed sandbox credentials, and the shapes of those minted while tests run
 * (OAuth tokens, webhook signing secrets). None may ever show in a test's output, a node's error or output,
 * or n8n's log.
 */
export const FIXED_SECRETS: Record<string, string> = {
	'GHL sandbox Private Integration token': 'pit-sandbox-token',
	'GHL sandbox agency token': 'agency-sandbox-token',
	'Rankr sandbox API key': 'rk_sandbox_key',
	'GHL sandbox OAuth client secret': 'sandbox-client-secret',
	'GHL Trigger workflow-action secret': 'k3Y-7f1d2c9a-workflow-action-secret',
};

export const SECRET_PATTERNS: Record<string, RegExp> = {
	'GHL OAuth access or refresh token': /oauth-(?:at|rt)-[0-9a-f]{24}/,
	'GHL location token': /location-at-[0-9a-f]{24}/,
	'Rankr webhook signing secret': /whsec_[A-Za-z0-9]{24,}/,
};

/** Names of the secrets found in a text (never the secrets themselves). */
export function findSecrets(text: string): string[] {
	const hits: string[] = [];
	for (const [name, value] of Object.entries(FIXED_SECRETS)) if (text.includes(value)) hits.push(name);
	for (const [name, pattern] of Object.entries(SECRET_PATTERNS)) if (pattern.test(text)) hits.push(name);
	return hits;
}
