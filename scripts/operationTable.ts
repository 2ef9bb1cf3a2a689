/**
 * The README's operation tables, generated from the nodes themselves (each operation module lists the
 * API calls it makes), so the documentation cannot drift from the code. `npm run docs:operations`
 * rewrites the tables; test/docs/operationTable.test.ts fails when the README is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceOperations } from '../nodes/shared/operation';

export interface NodeTableSource {
	/** Marker name in the README: <!-- operations:NAME:start --> … <!-- operations:NAME:end --> */
	name: string;
	resources: Record<string, ResourceOperations>;
	properties: INodeProperties[];
}

function optionNames(properties: INodeProperties[], field: string, resource?: string): Map<string, string> {
	const names = new Map<string, string>();
	for (const p of properties) {
		if (p.name !== field || p.type !== 'options') continue;
		const shown = p.displayOptions?.show?.resource as string[] | undefined;
		if (resource && shown && !shown.includes(resource)) continue;
		for (const o of (p.options ?? []) as INodePropertyOptions[]) names.set(String(o.value), o.name);
	}
	return names;
}

export function operationTable(source: NodeTableSource): string {
	const resourceNames = optionNames(source.properties, 'resource');
	// A node with one (hidden) resource gets no Resource column.
	const single = resourceNames.size === 0;
	const rows: string[] = single
		? ['| Operation | API call(s) |', '| --- | --- |']
		: ['| Resource | Operation | API call(s) |', '| --- | --- | --- |'];
	const resources = Object.keys(source.resources).sort((a, b) =>
		(resourceNames.get(a) ?? a).localeCompare(resourceNames.get(b) ?? b),
	);
	for (const resource of resources) {
		const opNames = optionNames(source.properties, 'operation', resource);
		const ops = Object.entries(source.resources[resource]).sort(([a], [b]) =>
			(opNames.get(a) ?? a).localeCompare(opNames.get(b) ?? b),
		);
		for (const [operation, module] of ops) {
			const calls = module.routes.map((r) => `\`${r}\``).join('<br>');
			const resourceCell = single ? '' : `${resourceNames.get(resource) ?? resource} | `;
			rows.push(`| ${resourceCell}${opNames.get(operation) ?? operation} | ${calls} |`);
		}
	}
	return rows.join('\n');
}

export function replaceSection(readme: string, name: string, body: string): string {
	const start = `<!-- operations:${name}:start -->`;
	const end = `<!-- operations:${name}:end -->`;
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} markers`);
	return `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`;
}

export function readmeSection(readme: string, name: string): string | undefined {
	const start = `<!-- operations:${name}:start -->`;
	const end = `<!-- operations:${name}:end -->`;
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from < 0 || to < from) return undefined;
	return readme.slice(from + start.length, to).trim();
}

export async function tableSources(): Promise<NodeTableSource[]> {
	const sources: NodeTableSource[] = [];
	// require, not import(): the nodes are CommonJS and so is everything that loads them.
	// Explicit .ts: Node would otherwise pick the codex file X.node.json over X.node.ts.
	const load = (p: string) => require(path.join(__dirname, '..', `${p}.ts`)) as Record<string, unknown>;
	const nodes: Array<[string, string, string]> = [
		['ghl', 'nodes/Ghl/actions/router', 'nodes/Ghl/Ghl.node'],
		['rankr', 'nodes/Rankr/actions/router', 'nodes/Rankr/Rankr.node'],
		['ghlRankrSync', 'nodes/GhlRankrSync/actions/router', 'nodes/GhlRankrSync/GhlRankrSync.node'],
	];
	for (const [name, router, node] of nodes) {
		if (!fs.existsSync(path.join(__dirname, '..', `${router}.ts`))) continue;
		const NodeClass = Object.values(load(node))[0] as new () => { description: { properties: INodeProperties[] } };
		sources.push({ name, resources: load(router).resources as NodeTableSource['resources'], properties: new NodeClass().description.properties });
	}
	return sources;
}

async function main() {
	const readmePath = path.join(__dirname, '..', 'README.md');
	let readme = fs.readFileSync(readmePath, 'utf8');
	for (const source of await tableSources()) readme = replaceSection(readme, source.name, operationTable(source));
	fs.writeFileSync(readmePath, readme);
	process.stdout.write('README operation tables updated\n');
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
