/**
 * The shared workflow templates, checked the way n8n will read them: export format, node types that exist,
 * our nodes' resource/operation/parameter names taken from the node descriptions (a renamed parameter
 * would silently drop out of a template), no credentials or IDs from somebody's instance, set-up notes.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';
import { Rankr } from '../../nodes/Rankr/Rankr.node';
import { RankrTrigger } from '../../nodes/RankrTrigger/RankrTrigger.node';

const TEMPLATES = path.join(__dirname, '../../templates');
const PACKAGE = 'n8n-nodes-ghl-rankr';

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	webhookId?: string;
}
interface Template {
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	meta?: Record<string, unknown>;
}

const ours: Record<string, INodeType> = {
	[`${PACKAGE}.ghl`]: new Ghl(),
	[`${PACKAGE}.ghlTrigger`]: new GhlTrigger(),
	[`${PACKAGE}.ghlPollingTrigger`]: new GhlPollingTrigger(),
	[`${PACKAGE}.rankr`]: new Rankr(),
	[`${PACKAGE}.ghlRankrSync`]: new GhlRankrSync(),
	[`${PACKAGE}.rankrTrigger`]: new RankrTrigger(),
};

/** n8n core nodes the templates may use (all ship with every n8n 2.x). */
const CORE_NODES = new Set([
	'n8n-nodes-base.stickyNote',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.if',
	'n8n-nodes-base.set',
	'n8n-nodes-base.code',
	'n8n-nodes-base.filter',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.merge',
	'n8n-nodes-base.splitOut',
	'n8n-nodes-base.aggregate',
]);

export function loadTemplates(): Array<{ file: string; template: Template }> {
	return fs
		.readdirSync(TEMPLATES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, template: JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')) as Template }));
}

/** A property applies when every displayOptions.show condition holds for the node's parameters. */
function applies(property: INodeProperties, parameters: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([key, allowed]) => {
		if (key.startsWith('@')) return true;
		const value = parameters[key] ?? undefined;
		return (allowed as unknown[]).some((a) => a === value || (value === undefined && a === defaultOf(key)));
	});
	function defaultOf(key: string): unknown {
		return currentProperties.find((p) => p.name === key)?.default;
	}
}
let currentProperties: INodeProperties[] = [];

const templates = fs.existsSync(TEMPLATES) ? loadTemplates() : [];

describe('workflow templates', () => {
	it('there are the five core flows', () => {
		expect(templates.length).toBeGreaterThanOrEqual(5);
	});

	describe.each(templates.map((t) => [t.file, t.template] as const))('%s', (_file, template) => {
		const workNodes = template.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');

		it('is in n8n export format with a name, unique node names and ids', () => {
			expect(typeof template.name).toBe('string');
			expect(new Set(template.nodes.map((n) => n.name)).size).toBe(template.nodes.length);
			expect(new Set(template.nodes.map((n) => n.id)).size).toBe(template.nodes.length);
			for (const node of template.nodes) {
				expect(node.position).toHaveLength(2);
				expect(typeof node.typeVersion).toBe('number');
			}
		});

		it('uses only our nodes and n8n core nodes, at versions that exist', () => {
			for (const node of template.nodes) {
				if (node.type in ours) {
					const versions = ([] as number[]).concat(ours[node.type].description.version);
					expect(versions).toContain(node.typeVersion);
				} else expect(CORE_NODES).toContain(node.type);
			}
		});

		it('connects every working node, by names that exist', () => {
			const names = new Set(template.nodes.map((n) => n.name));
			const targets = new Set<string>();
			for (const [from, outputs] of Object.entries(template.connections)) {
				expect(names).toContain(from);
				for (const output of outputs.main) for (const c of output ?? []) (expect(names).toContain(c.node), targets.add(c.node));
			}
			const triggers = workNodes.filter((n) => /trigger/i.test(n.type));
			expect(triggers.length).toBeGreaterThanOrEqual(1);
			for (const node of workNodes) if (!triggers.includes(node)) expect(targets).toContain(node.name);
		});

		it('carries no credentials, ids or secrets from an instance (the user picks credentials)', () => {
			const text = JSON.stringify(template);
			for (const node of template.nodes) expect(node.credentials).toBeUndefined();
			expect(template).not.toHaveProperty('id');
			expect(text).not.toMatch(/pit-|rk_[a-z]|whsec_|Bearer |eyJ[A-Za-z0-9]/);
		});

		it('explains its set-up in a sticky note', () => {
			const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
			expect(notes.length).toBeGreaterThanOrEqual(1);
			expect(notes.map((n) => String(n.parameters.content)).join('\n')).toMatch(/credential/i);
		});

		it('places every sticky note clear of every node (n8n draws a node about 100 × 100 from its position)', () => {
			const NODE = 100;
			const rect = (n: TemplateNode) =>
				n.type === 'n8n-nodes-base.stickyNote'
					? { x: n.position[0], y: n.position[1], w: Number(n.parameters.width ?? 240), h: Number(n.parameters.height ?? 160) }
					: { x: n.position[0], y: n.position[1], w: NODE, h: NODE };
			const overlaps = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) =>
				a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
			const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
			for (const note of notes) {
				const covered = workNodes.filter((n) => overlaps(rect(note), rect(n))).map((n) => n.name);
				expect({ note: note.name, covers: covered }).toEqual({ note: note.name, covers: [] });
			}
		});

		it("says Publish, as n8n 2.x's button does (never \"activate\")", () => {
			const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content)).join('\n');
			expect(notes).toMatch(/\*\*Publish\*\*/);
			expect(notes).not.toMatch(/activat/i);
		});

		it("sets only parameters our nodes have, with option values they offer", () => {
			for (const node of workNodes.filter((n) => n.type in ours)) {
				currentProperties = ours[node.type].description.properties;
				const shown = currentProperties.filter((p) => applies(p, node.parameters));
				for (const [key, value] of Object.entries(node.parameters)) {
					const property = shown.find((p) => p.name === key);
					if (!property) throw new Error(`${node.name}: parameter "${key}" is not shown for these settings`);
					if (property.type === 'options' && typeof value === 'string' && !value.startsWith('=')) {
						expect((property.options as Array<{ value: unknown }>).map((o) => o.value)).toContain(value);
					}
				}
			}
		});
	});
});
