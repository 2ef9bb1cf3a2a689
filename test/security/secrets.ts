/**
 * The secrets tests use, and the scanner that looks for them in everything a run leaves behind (console
 * output, failure messages, n8n's log, snapshots). The reporter (secretScanReporter.ts) runs in jest's
 * parent process, so tests reach it through files in one scan folder per run: secrets created at run time
 * and extra files to scan are appended there.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Secret {
	/** Printed in reports instead of the value. */
	name: string;
	value?: string;
	pattern?: RegExp;
}

export interface Hit {
	secret: string;
	source: string;
	line: number;
}

/** The folder of the current run; set by the reporter before workers start, inherited by them. */
export const SCAN_DIR_ENV = 'GHL_RANKR_SECRET_SCAN_DIR';
const REGISTERED_SECRETS = 'secrets.txt';
const SCANNED_FILES = 'files.txt';
export const CAPTURE_PREFIX = 'output-';

/** Values shorter than this would match ordinary words; no test secret is that short. */
const MIN_SECRET_LENGTH = 8;

/** Fixed secrets of the sandboxes and test set-ups (secretScan.test.ts checks they still match their sources). */
export const FIXED_SECRETS: Secret[] = [
	{ name: 'GHL sandbox token', value: 'pit-sandbox-token' },
	{ name: 'GHL sandbox agency token', value: 'agency-sandbox-token' },
	{ name: 'GHL sandbox OAuth client secret', value: 'sandbox-client-secret' },
	{ name: 'GHL Trigger workflow-action secret', value: 'k3Y-7f1d2c9a-workflow-action-secret' },
	{ name: 'Rankr sandbox API key', value: 'rk_sandbox_key' },
];

/** Shapes of secrets the sandboxes make up at run time. */
export const SECRET_PATTERNS: Secret[] = [
	{ name: 'GHL private integration token', pattern: /\bpit-[A-Za-z0-9][A-Za-z0-9-]{3,}/ },
	{ name: 'GHL sandbox OAuth access/refresh token', pattern: /\b(?:oauth-at|oauth-rt|location-at)-[0-9a-f]{24}\b/ },
	{ name: 'Rankr webhook secret', pattern: /\bwhsec_[A-Za-z0-9]{16,}/ },
	{ name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

const scanDir = (): string | undefined => process.env[SCAN_DIR_ENV] || undefined;

function append(file: string, line: string): void {
	const dir = scanDir();
	if (dir) fs.appendFileSync(path.join(dir, file), `${line.replace(/\n/g, ' ')}\n`);
}

/** Tests call this for a secret made at run time that no pattern above describes. */
export function registerSecret(value: string, name = 'secret registered by a test'): void {
	append(REGISTERED_SECRETS, JSON.stringify({ name, value }));
}

/** Adds a file (e.g. n8n's log in the e2e suite) to those scanned when the run ends. */
export function registerScannedFile(file: string): void {
	append(SCANNED_FILES, path.resolve(file));
}

function linesOf(dir: string, file: string): string[] {
	const full = path.join(dir, file);
	return fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n').filter(Boolean) : [];
}

export function registeredSecrets(dir: string): Secret[] {
	return linesOf(dir, REGISTERED_SECRETS).map((line) => JSON.parse(line) as Secret);
}

export function registeredFiles(dir: string): string[] {
	return [...new Set(linesOf(dir, SCANNED_FILES))];
}

export function allSecrets(dir?: string): Secret[] {
	return [...FIXED_SECRETS, ...SECRET_PATTERNS, ...(dir ? registeredSecrets(dir) : [])];
}

/** Where in `text` any of `secrets` appears; reports name the secret, never its value. */
export function findSecrets(text: string, source: string, secrets: Secret[] = allSecrets()): Hit[] {
	const hits: Hit[] = [];
	const usable = secrets.filter((s) => s.pattern || (s.value && s.value.length >= MIN_SECRET_LENGTH));
	text.split('\n').forEach((content, index) => {
		for (const secret of usable) {
			const found = secret.pattern ? secret.pattern.test(content) : content.includes(secret.value as string);
			if (found) hits.push({ secret: secret.name, source, line: index + 1 });
		}
	});
	return hits;
}

/** Every `__snapshots__/*.snap` under `root` (node_modules and dist skipped). */
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

export function findSecretsInFile(file: string, secrets: Secret[]): Hit[] {
	return fs.existsSync(file) ? findSecrets(fs.readFileSync(file, 'utf8'), file, secrets) : [];
}
