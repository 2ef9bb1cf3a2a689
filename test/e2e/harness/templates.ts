/**
 * The shared templates made ready to run against the sandboxes: the credentials a user would pick are
 * attached, the GHL Trigger is told the sandbox's signing keys (real GHL's are built in), and schedules
 * fire every few seconds instead of hourly. The demo uses the same preparation.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE, ROOT } from './n8n';

export interface WorkflowJson {
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, any>; credentials?: Record<string, { id: string; name: string }> }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface TemplateSetup {
	ghlCredential: { id: string; name: string };
	rankrCredential: { id: string; name: string };
	ghlPublicKeys?: { ed25519: string; rsa: string };
	/** Schedules fire this often (seconds); left as the template says when undefined. */
	scheduleSeconds?: number;
}

export const TEMPLATES_DIR = path.join(ROOT, 'templates');

export function templateFiles(): string[] {
	return fs.existsSync(TEMPLATES_DIR) ? fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).sort() : [];
}

export function readTemplate(file: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8')) as WorkflowJson;
}

export function prepareTemplate(template: WorkflowJson, setup: TemplateSetup): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(template)) as WorkflowJson;
	for (const node of copy.nodes) {
		const p = node.parameters;
		if (node.type === `${PACKAGE}.ghl` || node.type === `${PACKAGE}.ghlTrigger` || node.type === `${PACKAGE}.ghlPollingTrigger`) {
			node.credentials = { ghlApi: setup.ghlCredential };
		}
		if (node.type === `${PACKAGE}.rankr`) {
			node.credentials = { rankrApi: setup.rankrCredential };
		}
		if (node.type === `${PACKAGE}.ghlRankrSync`) node.credentials = { rankrApi: setup.rankrCredential, ghlApi: setup.ghlCredential };
		if (node.type === `${PACKAGE}.rankrTrigger`) node.credentials = { rankrApi: setup.rankrCredential };
		if (node.type === `${PACKAGE}.ghlTrigger` && setup.ghlPublicKeys) {
			p.options = { ...(p.options ?? {}), publicKeys: { keys: setup.ghlPublicKeys } };
		}
		if (node.type === 'n8n-nodes-base.scheduleTrigger' && setup.scheduleSeconds) {
			p.rule = { interval: [{ field: 'seconds', secondsInterval: setup.scheduleSeconds }] };
		}
	}
	return copy;
}
