/**
 * The secrets the tests use: fixed sandbox credentials, the shapes of those minted while tests run
 * (OAuth tokens, webhook signing secrets, key pairs), and any a test registers. None may ever show in a
 * test's output or failure, a node's error or output, a snapshot, or n8n's log.
 */
import fs from 'node:fs';
import path from 'node:path';

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
	'private key': /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
};

/**
 * The run's scan folder, made by the reporter (secretScanReporter.ts) in jest's parent process and
 * inherited by its workers: secrets registered in a worker reach the reporter through a file there.
 */
export const SCAN_DIR_ENV = 'GHL_RANKR_SECRET_SCAN_DIR';
const REGISTERED_FILE = 'registered-secrets.jsonl';
/** Shorter values would match ordinary words; no test secret is that short. */
const MIN_REGISTERED_LENGTH = 8;

const registeredHere = new Map<string, string>();

/** For a secret a test makes up at run time that no pattern above describes. */
export function registerSecret(value: string, name = 'secret registered by a test'): void {
	if (value.length < MIN_REGISTERED_LENGTH) throw new Error(`A registered secret needs at least ${MIN_REGISTERED_LENGTH} characters`);
	registeredHere.set(name, value);
	const dir = process.env[SCAN_DIR_ENV];
	if (dir && fs.existsSync(dir)) fs.appendFileSync(path.join(dir, REGISTERED_FILE), `${JSON.stringify({ name, value })}\n`);
}

/** Secrets registered in this process and, when a scan folder is set, in any other process of the run. */
export function registeredSecrets(): Record<string, string> {
	const all: Record<string, string> = {};
	const dir = process.env[SCAN_DIR_ENV];
	const file = dir ? path.join(dir, REGISTERED_FILE) : '';
	if (file && fs.existsSync(file)) {
		for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
			const { name, value } = JSON.parse(line) as { name: string; value: string };
			all[name] = value;
		}
	}
	for (const [name, value] of registeredHere) all[name] = value;
	return all;
}

/** Names of the secrets found in a text (never the secrets themselves). */
export function findSecrets(text: string): string[] {
	const hits: string[] = [];
	for (const [name, value] of Object.entries({ ...FIXED_SECRETS, ...registeredSecrets() })) if (text.includes(value)) hits.push(name);
	for (const [name, pattern] of Object.entries(SECRET_PATTERNS)) if (pattern.test(text)) hits.push(name);
	return hits;
}

/** Every `__snapshots__/*.snap` under `root` (node_modules, dist and dot-folders skipped). */
export function snapshotFiles(root: string): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (path.basename(dir) === '__snapshots__' && entry.name.endsWith('.snap')) found.push(full);
		}
	};
	walk(root);
	return found;
}
