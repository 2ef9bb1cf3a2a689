/**
 * n8n's nodes panel lists every operation as an action with its description: an option without `action`
 * shows a made-up title, one without `description` shows nothing under it.
 */
import type { INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { Rankr } from '../../nodes/Rankr/Rankr.node';

const rows = ([new Ghl(), new Rankr(), new GhlRankrSync()] as INodeType[]).flatMap((node) =>
	node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			((p.options ?? []) as INodePropertyOptions[]).map((o) => ({
				operation: `${node.description.displayName}: ${String(p.displayOptions?.show?.resource ?? '')} → ${o.name}`,
				action: o.action,
				description: o.description,
			})),
		),
);

it('finds the operations', () => {
	expect(rows.length).toBeGreaterThan(70);
});

it.each(rows.map((r) => [r.operation, r] as const))('%s has an action title and a description', (_name, row) => {
	expect(row.action).toEqual(expect.stringMatching(/^[A-Z].{3,}/));
	expect(row.description).toEqual(expect.stringMatching(/^[A-Z].{8,}/));
	expect(row.description).not.toMatch(/\.$/);
});
