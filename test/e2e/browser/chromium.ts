/**
 * Debian's Chromium driven by playwright-core (playwright's own browser download does not work offline).
 * Installed with apt when missing, as on a fresh CI machine (root). Playwright gives each launch a fresh
 * temporary user-data-dir (it refuses one passed in args).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

import { ROOT } from '../harness/n8n';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): void {
	if (!fs.existsSync(CHROMIUM)) execFileSync('bash', [path.join(ROOT, 'scripts/e2e/install-chromium.sh')], { stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
	ensureChromium();
	const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
	return await chromium.launch({ executablePath: CHROMIUM, args, headless: true });
}
