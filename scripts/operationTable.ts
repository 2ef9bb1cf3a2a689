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
	const rows: string[] = ['| Resource | Operation | API call(s) |', '| --- | --- | --- |'];
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
			rows.push(`| ${resourceNames.get(resource) ?? resource} | ${opNames.get(operation) ?? operation} | ${calls} |`);
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
	const ghl = await import('../nodes/Ghl/actions/router');
	const { Ghl } = await import('../nodes/Ghl/Ghl.node');
	sources.push({ name: 'ghl', resources: ghl.resources, properties: new Ghl().description.properties });
	const rankrRouter = path.join(__dirname, '../nodes/Rankr/actions/router.ts');
	if (fs.existsSync(rankrRouter)) {
		const rankr = await import('../nodes/Rankr/actions/router' as string);
		const { Rankr } = await import('../nodes/Rankr/Rankr.node' as string);
		sources.push({ name: 'rankr', resources: rankr.resources, properties: new Rankr().description.properties });
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
